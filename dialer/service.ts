// The dialer inside the portal's process: one SIP user agent, the agent pool, a runner per campaign, the
// records queue into the ingest service (in process, never over HTTP), reconnection to the proxy, and the
// campaigns' numbers registered with the proxy so that customers' calls reach the right campaign's queue.
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { tenancy, type Campaign, type User } from '@/clickhouse/queries/tenancy';
import type { DncList } from '@/dialer/compliance/dnc';
import { ingestRecords } from '@/server/ingest/service';
import { notifyCampaignsChanged } from '@/server/live/bus';
import { validateRecord, type ParsedLine } from '@/server/ingest/ndjson';
import { normalisePhone } from '@/server/contacts/phone';
import type { AgentStateEvent } from './agents/agent-state';
import type { HistoryNote, Lead } from './hopper/lead-hopper';
import { assertNumberFree, linesOf, savedSettings } from './lines';
import { AgentPool } from './runner/agent-pool';
import { CampaignRunner, type CampaignInfo, type Telephony } from './runner/campaign-runner';
import { routeInbound, type Line } from './runner/inbound-routing';
import { priorFromHistory } from './runner/pacing-prior';
import { campaignDayStart, loadLeads, rebuildHopper, recordInterruptedAttempts } from './runner/rebuild';
import { DEFAULT_SETTINGS, dialerSettings, type DialerSettings } from './runner/settings';
import { DialerUserAgent, type IncomingCall } from './sip/dialer-ua';

/** What the dialer needs of its SIP user agent: placing calls, and the numbers customers call it on. */
export type DialerTelephony = Telephony & { reconnect?: () => Promise<boolean>; registerNumbers?: (numbers: readonly string[]) => Promise<void> };

export interface DialerOptions { tickMs?: number; flushMs?: number; reconnectMs?: number }

export class Dialer {
  readonly pool: AgentPool;
  private readonly runners = new Map<string, Promise<CampaignRunner>>();
  private queue: { orgId: string; record: Record<string, unknown> }[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly dnc = new Map<string, { list: DncList | null; at: number; refreshing?: Promise<void> }>();
  /** The organization of each agent logged in, for its `agent_state` records. */
  private readonly agentOrgs = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private reconnecting = false;
  /** The campaigns' numbers, as incoming calls are routed by them. */
  private lines: Line[] = [];
  /** Records the ingest service refused: a bug of ours, kept visible rather than lost silently. */
  readonly refused: { record: Record<string, unknown>; error: string }[] = [];

  private constructor(private readonly ch: Clickhouse, readonly telephony: DialerTelephony, private readonly options: DialerOptions) {
    this.pool = new AgentPool((e) => this.agentEvent(e));
    this.timers.push(setInterval(() => void this.flush(), options.flushMs ?? 200));
  }

  static async start(ch: Clickhouse, telephony: DialerTelephony, options: DialerOptions = {}): Promise<Dialer> {
    const dialer = new Dialer(ch, telephony, options);
    const all = await allCampaigns(ch);
    const saved = await savedSettings(ch, all);
    // Campaigns left running by the last stop resume.
    for (const [id, settings] of saved) if (settings.status === 'running') await dialer.runner(id);
    await dialer.refreshLines(all, saved);
    return dialer;
  }

  static async connect(ch: Clickhouse, ws: string, options: DialerOptions = {}): Promise<Dialer> {
    const ua = await DialerUserAgent.connect(ws);
    const dialer = await Dialer.start(ch, ua, options);
    ua.onIncoming = (call) => void dialer.incoming(call);
    ua.onConnectionChange = (up) => { if (!up) void dialer.reconnectLoop(); };
    dialer.stopTelephony = () => ua.stop();
    return dialer;
  }

  private stopTelephony: () => Promise<void> = async () => {};

  /** Dialing pauses while the proxy is unreachable (runners check `isConnected`) and resumes when it is back. */
  private async reconnectLoop(): Promise<void> {
    if (this.reconnecting || !this.telephony.reconnect) return;
    this.reconnecting = true;
    while (!this.telephony.isConnected) {
      if (await this.telephony.reconnect()) break;
      await new Promise((r) => setTimeout(r, this.options.reconnectMs ?? 1000));
    }
    this.reconnecting = false;
  }

  private agentEvent(e: AgentStateEvent): void {
    const orgId = this.agentOrgs.get(e.agent);
    if (orgId) this.queue.push({ orgId, record: { ...e, campaign: e.campaign } });
  }

  /** Writes queued records through the ingest service, one batch per organization. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.queue.length) return;
      const batch = this.queue;
      this.queue = [];
      const byOrg = new Map<string, ParsedLine[]>();
      batch.forEach(({ orgId, record }, i) => {
        const v = validateRecord(record);
        if ('error' in v) { this.refused.push({ record, error: v.error }); console.error(`Dialer: record refused (${v.error})`, record); return; }
        byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), { line: i + 1, record: v.record }]);
      });
      for (const [orgId, lines] of byOrg) {
        try {
          const result = await ingestRecords(this.ch, orgId, lines);
          for (const r of result.rejected) this.refused.push({ record: batch[r.line - 1]!.record, error: r.error });
        } catch (err) {
          // ClickHouse unreachable: keep the records for the next flush rather than drop them.
          this.queue.unshift(...lines.map((l) => batch[l.line - 1]!));
          console.error(`Dialer: writing call records failed, retrying: ${(err as Error).message}`);
        }
      }
    });
    return this.flushing;
  }

  /** Reloads the organization's newest do-not-call list (one load at a time per organization). */
  private refreshDnc(orgId: string): Promise<void> {
    const entry = this.dnc.get(orgId);
    if (entry?.refreshing) return entry.refreshing;
    const refreshing = (async () => {
      const newest = (await contactsSql.optOutLists(this.ch, orgId))[0];
      const list = newest ? { numbers: await contactsSql.optOutNumbers(this.ch, orgId, newest.id), listDate: Date.parse(`${newest.list_date}T00:00:00Z`) } : null;
      this.dnc.set(orgId, { list, at: Date.now() });
    })().catch((err: Error) => {
      // Keep the list we had; try again in a minute.
      this.dnc.set(orgId, { list: this.dnc.get(orgId)?.list ?? null, at: Date.now() });
      console.error(`Dialer: do-not-call list not reloaded: ${err.message}`);
    });
    this.dnc.set(orgId, { list: entry?.list ?? null, at: entry?.at ?? 0, refreshing });
    return refreshing;
  }

  /** The list in force now; a list read more than a minute ago is reloaded in the background. */
  private dncNow(orgId: string): DncList | null {
    const entry = this.dnc.get(orgId);
    if (!entry || Date.now() - entry.at > 60_000) void this.refreshDnc(orgId);
    return entry?.list ?? null;
  }

  /** The runner of a campaign, built from ClickHouse on first use. */
  runner(campaignId: string): Promise<CampaignRunner> {
    let r = this.runners.get(campaignId);
    if (!r) {
      r = this.build(campaignId);
      this.runners.set(campaignId, r);
      r.catch(() => this.runners.delete(campaignId));
    }
    return r;
  }

  /** The inbound queue of a campaign whose runner is loaded (open lines are, from start-up), else null. */
  async queueOf(campaignId: string): Promise<{ waiting: number; longestWaitSeconds: number } | null> {
    const loading = this.runners.get(campaignId);
    return loading ? (await loading).queue() : null;
  }

  /** The runners built so far; one whose build failed is not among them (it is built again on next use). */
  async loadedRunners(): Promise<CampaignRunner[]> {
    const settled = await Promise.allSettled(this.runners.values());
    return settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  private async build(campaignId: string): Promise<CampaignRunner> {
    const all = await allCampaigns(this.ch);
    const campaign = all.find((c) => c.id === campaignId);
    if (!campaign) throw new Error(`no campaign ${campaignId}`);
    const partnership = (await tenancy.partnershipsByIds(this.ch, [campaign.partnership_id]))[0]!;
    const info: CampaignInfo = {
      id: campaign.id, code: campaign.code, orgId: partnership.outsourcer_org_id, timeZone: campaign.time_zone,
      direction: campaign.direction, partnershipId: campaign.partnership_id,
    };
    const settings = await loadSettings(this.ch, campaign);
    await recordInterruptedAttempts(this.ch, info, async (records) => {
      for (const record of records) this.queue.push({ orgId: info.orgId, record });
      await this.flush();
    });
    const partnershipCampaigns = all.filter((c) => c.partnership_id === campaign.partnership_id).map((c) => c.id);
    const hopper = await rebuildHopper(this.ch, info, partnershipCampaigns, settings.retry);
    const dayStart = campaignDayStart(Date.now(), campaign.time_zone);
    const today = await dialerSql.tally(this.ch, campaign.id, dayStart);
    const pacingPrior = priorFromHistory(await dialerSql.pacingHistory(this.ch, campaign.id, dayStart - 7 * 86_400_000, dayStart));
    await this.refreshDnc(info.orgId);
    const ch = this.ch;
    return new CampaignRunner(info, settings, hopper, {
      telephony: this.telephony,
      pool: this.pool,
      record: (record) => this.queue.push({ orgId: info.orgId, record }),
      journal: (attempts) => dialerSql.journal(ch, campaign.id, attempts),
      callback: (c) => void dialerSql.putCallback(ch, campaign.id, c).catch((e: Error) => console.error(`Dialer: callback not saved: ${e.message}`)),
      callbackDone: (phone) => void dialerSql.putCallback(ch, campaign.id, { phone, at: Date.now() }, 1).catch(() => {}),
      removeContact: (phone, reason) => void dialerSql.removeContact(ch, campaign.id, phone, reason).catch((e: Error) => console.error(`Dialer: contact not removed: ${e.message}`)),
      dnc: () => this.dncNow(info.orgId),
      share: (phone, note) => void this.share(campaign.id, campaign.partnership_id, phone, note),
      pacingPrior,
      queueChanged: () => notifyCampaignsChanged([campaign.id]),
    }, today, this.options.tickMs);
  }

  /**
   * Reads a campaign's contacts again into its hopper: when it starts, and when an import made a list ready
   * (and deleted the list it replaces) — the only ways a campaign's lists change.
   */
  async leadsChanged(campaignId: string): Promise<void> {
    const loading = this.runners.get(campaignId);
    if (!loading) return; // built from ClickHouse on first use anyway
    const runner = await loading;
    if (runner.campaign.direction !== 'outbound') return;
    const all = await allCampaigns(this.ch);
    const siblings = all.filter((c) => c.partnership_id === runner.campaign.partnershipId).map((c) => c.id);
    runner.hopper.merge(await loadLeads(this.ch, runner.campaign, siblings, runner.current.retry));
  }

  /** Applies a manager's change (status, mode, pacing target…), saved first so that a restart keeps it. */
  async configure(campaignId: string, change: Partial<DialerSettings>, by: string): Promise<DialerSettings> {
    const runner = await this.runner(campaignId);
    const next = dialerSettings.parse({ ...runner.current, ...change });
    if (change.callerId && change.callerId !== runner.current.callerId) {
      const all = await allCampaigns(this.ch);
      await assertNumberFree(this.ch, all, all.find((c) => c.id === campaignId)!, change.callerId);
    }
    await dialerSql.putSettings(this.ch, campaignId, next, by);
    // Starting works the lists as they are now.
    if (next.status === 'running' && runner.current.status !== 'running') await this.leadsChanged(campaignId);
    runner.update(next);
    await this.refreshLines();
    return next;
  }

  /** Reads the campaigns' numbers again and registers them with the proxy (unregistering dropped ones). */
  async refreshLines(all?: Campaign[], saved?: Map<string, DialerSettings>): Promise<void> {
    all ??= await allCampaigns(this.ch);
    const settings = new Map(saved ?? (await savedSettings(this.ch, all)));
    // A loaded runner's settings are the live ones (saved first, so the same unless a save is in flight).
    for (const r of await this.loadedRunners()) settings.set(r.campaign.id, r.current);
    const lines = linesOf(all, settings);
    this.lines = lines;
    await this.telephony.registerNumbers?.([...new Set(lines.map((l) => l.number))]).catch((err: Error) => console.error(`Dialer: numbers not registered: ${err.message}`));
  }

  /**
   * A customer calls one of the numbers: routed by it (inbound line, or the campaign that called them back:
   * smart outbound), answered into that campaign's queue with the contact's record when one is known.
   */
  async incoming(call: IncomingCall): Promise<void> {
    const phone = callerNumber(call.from);
    try {
      const last = new Map<string, number>();
      for (const line of this.lines.filter((l) => l.number === call.to && l.direction === 'outbound')) {
        const lead = (await this.runner(line.campaignId)).hopper.get(phone);
        if (lead && lead.attempts > 0) last.set(line.campaignId, Math.max(0, ...lead.attemptTimes));
      }
      const route = routeInbound(call.to, this.lines, (id) => last.get(id));
      if (route.kind === 'reject') return await call.reject(route.status);
      const runner = await this.runner(route.campaignId);
      const lead = runner.hopper.get(phone) ?? (await this.knownLead(runner.campaign.partnershipId, phone));
      const leg = await call.answer();
      await runner.takeInbound({ phone, arrivedAt: call.arrivedAt, leg, lead });
    } catch (err) {
      console.error(`Dialer: incoming call from ${call.from} to ${call.to} failed: ${(err as Error).message}`);
      await call.reject(480).catch(() => {});
    }
  }

  /** The record of a caller as another campaign of the client knows it (shown to the agent, never changed). */
  private async knownLead(partnershipId: string, phone: string): Promise<Lead | undefined> {
    let best: Lead | undefined;
    for (const r of await this.loadedRunners()) {
      const lead = r.campaign.partnershipId === partnershipId ? r.hopper.get(phone) : undefined;
      if (lead && (!best || Math.max(0, ...lead.attemptTimes) > Math.max(0, ...best.attemptTimes))) best = lead;
    }
    return best && { ...best, history: { ...best.history }, attemptTimes: [...best.attemptTimes] };
  }

  /** What a campaign did with a number applies at once to the client's other campaigns that have it. */
  private async share(from: string, partnershipId: string, phone: string, note: HistoryNote): Promise<void> {
    for (const r of await this.loadedRunners()) {
      if (r.campaign.id !== from && r.campaign.partnershipId === partnershipId) r.hopper.noteElsewhere(phone, note);
    }
  }

  /** An agent whose phone registered as `sipUser` joins the campaigns it is assigned to. */
  async agentLogin(code: string, sipUser: string): Promise<void> {
    const user = (await outsourcerAgents(this.ch)).find((u) => u.agent_code === code);
    if (!user) throw new Error(`no agent with code ${code}`);
    const assigned = new Set((await tenancy.assignmentsOfUser(this.ch, user.id)).map((a) => a.campaign_id));
    const codes = (await allCampaigns(this.ch)).filter((c) => assigned.has(c.id)).map((c) => c.code);
    this.agentOrgs.set(code, user.org_id);
    this.pool.login(code, sipUser, codes);
  }

  /** The agent desk's "ready": back to available from a pause (e.g. after its phone failed to answer). */
  agentReady(code: string): void {
    const agent = this.pool.get(code);
    if (agent && (agent.state === 'paused' || agent.state === 'offline')) this.pool.set(code, 'available');
  }

  agentPause(code: string): void {
    const agent = this.pool.get(code);
    if (agent && ['available', 'wrapup'].includes(agent.state)) this.pool.set(code, 'paused');
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const r of await this.loadedRunners()) r.close();
    await this.flush();
    await this.stopTelephony();
  }
}

/** The outsourcers' staff who take calls (those with an agent code). */
export async function outsourcerAgents(ch: Clickhouse): Promise<User[]> {
  const orgs = await tenancy.organizationsOfKind(ch, 'outsourcer');
  return (await Promise.all(orgs.map((o) => tenancy.usersOfOrg(ch, o.id)))).flat().filter((u) => u.agent_code);
}

/** The caller's number in E.164 when it is one (French national forms included), else '' (withheld or not a number). */
function callerNumber(from: string): string {
  const n = normalisePhone(from, 'FR');
  return n.ok ? n.e164 : '';
}

export async function allCampaigns(ch: Clickhouse): Promise<Campaign[]> {
  const orgs = await tenancy.organizationsOfKind(ch, 'outsourcer');
  const ps = (await Promise.all(orgs.map((o) => tenancy.partnershipsOfOrg(ch, o.id)))).flat();
  return ps.length ? tenancy.campaignsOfPartnerships(ch, [...new Set(ps.map((p) => p.id))]) : [];
}

export async function loadSettings(ch: Clickhouse, campaign: Campaign): Promise<DialerSettings> {
  const [saved] = await dialerSql.settings(ch, [campaign.id]);
  if (saved) return dialerSettings.parse(JSON.parse(saved.settings));
  const mode = campaign.dial_mode === 'none' ? DEFAULT_SETTINGS.mode : campaign.dial_mode;
  return { ...DEFAULT_SETTINGS, mode };
}
