// The alert evaluator: the server's one writer of alerts. It looks at a campaign's rules again whenever the
// campaign's data changes (the live bus: an ingest, a dialer record), when its rules change, when a rule's duration
// runs out with no new event (a timer set for that moment), and every minute for everything (the day's rollover,
// the inbound queue, which grows without events). Each rule reads today's figure of the live monitor (`liveKpis`:
// the KPI module, asked only for the figures the campaign's rules watch) and moves on by `step` (evaluate.ts); what
// opens, worsens or clears is stored, and the dashboards showing the campaign are told.
//
// The minute's sweep lists every campaign's rules in one query (and, the first time, their open alerts in another),
// and looks only at the campaigns with an enabled rule or a followed alert: the others have nothing to open or clear.
// A campaign with a rule is looked at even with no call today and paused: an open alert clears only by being looked
// at (the day's rollover), SAL reads 0 % with no attempt, NPS and occupancy come from surveys and agent states, and
// the ingest takes records whatever the campaign's status (docs/alerts.md).
//
// Across a restart: open alerts are stored, so they are read back and carried on (they clear once their value has
// been back within the threshold for the rule's duration, counted from the restart). What is only in memory is lost:
// a breach still pending (its duration counts again from the first look after the restart) and a recovery under
// way (likewise). One evaluator per data store: several portal processes on one ClickHouse server would each open
// the same alert, so only the process started by `server/main.ts` runs one.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { alertsSql, type AlertRow } from '@/clickhouse/queries/alerts';
import { nextVersion } from '@/clickhouse/version';
import { systemCampaignView, systemCampaignViews, type CampaignView } from '@/server/campaigns/views';
import { liveKpis } from '@/server/kpi/live';
import { notifyAlertsChanged, onAnyAlertRulesChanged, onAnyCampaignChanged } from '@/server/live/bus';
import { OK, step, type RuleState } from './evaluate';
import { alertValueOf, figuresRead } from './kpis';
import { rulesOfCampaigns, type AlertRule } from './rules';

/** Why an alert was cleared: its value came back, or its rule changed, was switched off or deleted. */
export type ClearReason = 'recovered' | 'rule_changed' | 'rule_disabled' | 'rule_deleted';

interface Tracked {
  revision: number;
  state: RuleState;
  /** The stored alert while the state is open. */
  alert: AlertRow | null;
}

export interface EvaluatorOptions {
  now?: () => number;
  /** A burst of inserts becomes one look at the campaign after this long. */
  debounceMs?: number;
  /** Every campaign with a rule is looked at this often, event or not. */
  sweepMs?: number;
  onError?: (err: unknown) => void;
}

export class AlertEvaluator {
  private readonly now: () => number;
  private readonly tracked = new Map<string, Map<string, Tracked>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly debounced = new Map<string, NodeJS.Timeout>();
  private readonly wakeups = new Map<string, NodeJS.Timeout>();
  /** Rule changes announced per campaign since start: a sweep's listing older than the latest one is listed again. */
  private readonly ruleChanges = new Map<string, number>();
  private unsubscribes: (() => void)[] = [];
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly ch: Clickhouse, private readonly options: EvaluatorOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Follows the live bus and the clock until `stop`; looks at every campaign once now. */
  start(): this {
    const soon = (id: string) => this.soon(id);
    const rulesChanged = (id: string) => { this.ruleChanges.set(id, (this.ruleChanges.get(id) ?? 0) + 1); soon(id); };
    this.unsubscribes = [onAnyCampaignChanged(soon), onAnyAlertRulesChanged(rulesChanged)];
    this.sweepTimer = setInterval(() => void this.evaluateAll(), this.options.sweepMs ?? 60_000);
    this.sweepTimer.unref?.();
    void this.evaluateAll();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribes) u();
    clearInterval(this.sweepTimer);
    for (const t of this.debounced.values()) clearTimeout(t);
    for (const timer of this.wakeups.values()) clearTimeout(timer);
    await Promise.allSettled([...this.running.values()]);
  }

  /** Every campaign with an enabled rule (every outbound one has the legal rule) or an alert followed. */
  async evaluateAll(): Promise<void> {
    try {
      const campaigns = await systemCampaignViews(this.ch);
      const changes = new Map(this.ruleChanges);
      const rules = await rulesOfCampaigns(this.ch, campaigns);
      await this.followStored(campaigns.map((c) => c.id));
      for (const c of campaigns) {
        const listed = { rules: rules.get(c.id) ?? [], changes: changes.get(c.id) ?? 0 };
        if (listed.rules.some((r) => r.enabled) || this.tracked.get(c.id)?.size) await this.evaluate(c.id, c, listed);
      }
    } catch (err) {
      this.fail(err);
    }
  }

  /** Looks at one campaign now (after any look already running at it); `listed`: its rules as a sweep listed them. */
  evaluate(campaignId: string, view?: CampaignView, listed?: ListedRules): Promise<void> {
    const previous = this.running.get(campaignId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.look(campaignId, view, listed)).catch((err: unknown) => this.fail(err));
    this.running.set(campaignId, next);
    const done = () => { if (this.running.get(campaignId) === next) this.running.delete(campaignId); };
    next.then(done, done);
    return next;
  }

  private soon(campaignId: string): void {
    if (this.stopped || this.debounced.has(campaignId)) return;
    this.debounced.set(campaignId, setTimeout(() => {
      this.debounced.delete(campaignId);
      void this.evaluate(campaignId);
    }, this.options.debounceMs ?? 250));
  }

  private wakeAt(campaignId: string, at: number | null): void {
    const current = this.wakeups.get(campaignId);
    if (at === null || this.stopped) {
      if (current) clearTimeout(current);
      this.wakeups.delete(campaignId);
      return;
    }
    // Set again even for the same moment: the clock may have been read differently since (tests move it).
    if (current) clearTimeout(current);
    // A little after the moment, so the duration has surely run out when the clock is read.
    const timer = setTimeout(() => { this.wakeups.delete(campaignId); void this.evaluate(campaignId); }, Math.max(0, at - this.now()) + 50);
    timer.unref?.();
    this.wakeups.set(campaignId, timer);
  }

  private fail(err: unknown): void {
    if (this.options.onError) this.options.onError(err);
    else console.error(`Alert evaluation failed: ${(err as Error)?.message ?? err}`);
  }

  /** The campaign's rules against its figures of now; stores what changed. */
  private async look(campaignId: string, known?: CampaignView, sweep?: ListedRules): Promise<void> {
    if (this.stopped) return;
    const campaign = known ?? (await systemCampaignView(this.ch, campaignId));
    if (!campaign) return;
    // Deleted rules are not listed; switched-off ones are, so a cleared alert can say which of the two it was. The
    // sweep's listing is used unless a rule of the campaign changed since (its look must not undo a newer one's).
    const fresh = sweep && sweep.changes === (this.ruleChanges.get(campaign.id) ?? 0);
    const listed = fresh ? sweep.rules : (await rulesOfCampaigns(this.ch, [campaign])).get(campaign.id) ?? [];
    const rules = listed.filter((r) => r.enabled);
    const tracked = await this.trackedOf(campaign.id);
    const writes: AlertRow[] = [];
    const now = this.now();
    // Rules gone, switched off or changed since: their open alert is closed (a new revision starts afresh).
    for (const [ruleId, t] of tracked) {
      const rule = rules.find((r) => r.id === ruleId);
      if (rule && rule.revision === t.revision) continue;
      if (t.alert) writes.push(cleared(t.alert, now, rule ? 'rule_changed' : goneReason(listed.find((r) => r.id === ruleId))));
      tracked.delete(ruleId);
    }
    if (rules.length) {
      const live = await liveKpis(this.ch, campaign, now, figuresRead(rules.map((r) => r.kpi)));
      let wake: number | null = null;
      for (const rule of rules) {
        const t = tracked.get(rule.id) ?? { revision: rule.revision, state: OK, alert: null };
        const s = step(rule, t.state, alertValueOf(rule.kpi, live), now);
        t.state = s.state;
        if (s.transition.kind === 'open' && s.state.phase === 'open') {
          t.alert = openedAlert(campaign, rule, s.state);
          writes.push(t.alert);
        } else if (s.transition.kind === 'worse' && s.state.phase === 'open' && t.alert) {
          t.alert = { ...t.alert, worst_value: s.state.worst, worst_at: s.state.worstAt, version: nextVersion() };
          writes.push(t.alert);
        } else if (s.transition.kind === 'clear' && t.alert) {
          writes.push(cleared(t.alert, s.transition.at, 'recovered'));
          t.alert = null;
        }
        tracked.set(rule.id, t);
        if (s.nextCheckAt !== null) wake = wake === null ? s.nextCheckAt : Math.min(wake, s.nextCheckAt);
      }
      this.wakeAt(campaign.id, wake);
    }
    if (writes.length) {
      await alertsSql.putAlerts(this.ch, writes);
      notifyAlertsChanged([campaign.id]);
    }
  }

  /** The rules followed for a campaign, from the stored open alerts the first time (after a start). */
  private async trackedOf(campaignId: string): Promise<Map<string, Tracked>> {
    await this.followStored([campaignId]);
    return this.tracked.get(campaignId)!;
  }

  /**
   * Starts following the stored open alerts of those of these campaigns not followed yet, in one query. A campaign
   * followed meanwhile (a look that read them too) is kept as it is: only a look writes alerts, after following.
   */
  private async followStored(campaignIds: string[]): Promise<void> {
    const missing = campaignIds.filter((id) => !this.tracked.has(id));
    if (!missing.length) return;
    const open = await alertsSql.open(this.ch, missing);
    for (const id of missing) {
      if (this.tracked.has(id)) continue;
      this.tracked.set(id, new Map(open.filter((a) => a.campaign_id === id).map((a) => [a.rule_id, {
        revision: a.rule_revision, alert: a,
        state: { phase: 'open', since: a.breach_started_at, openedAt: a.opened_at, value: a.value_at_open, worst: a.worst_value, worstAt: a.worst_at, recoveringSince: null },
      }])));
    }
  }

}

/** A campaign's rules as a sweep listed them, with the count of its rule changes announced before the listing. */
interface ListedRules {
  rules: AlertRule[];
  changes: number;
}

/** Why a followed rule is no longer among the enabled ones: deleted (not listed) or switched off. */
const goneReason = (listed: AlertRule | undefined): ClearReason => (!listed ? 'rule_deleted' : !listed.enabled ? 'rule_disabled' : 'rule_changed');

function openedAlert(campaign: CampaignView, rule: AlertRule, state: Extract<RuleState, { phase: 'open' }>): AlertRow {
  return {
    id: randomUUID(), campaign_id: campaign.id, partnership_id: campaign.partnership_id, rule_id: rule.id, rule_revision: rule.revision,
    legal: rule.legal ? 1 : 0, kpi: rule.kpi, comparison: rule.comparison, threshold: rule.threshold, duration_minutes: rule.duration_minutes,
    breach_started_at: state.since, opened_at: state.openedAt, value_at_open: state.value, worst_value: state.worst, worst_at: state.worstAt,
    cleared_at: null, clear_reason: '', version: nextVersion(),
  };
}

const cleared = (alert: AlertRow, at: number, reason: ClearReason): AlertRow => ({ ...alert, cleared_at: at, clear_reason: reason, version: nextVersion() });
