// One campaign's dialing loop: paces (dialer/pacing), picks leads (dialer/hopper), checks every dial against
// the compliance rules (dialer/compliance), places the call, hands an answered customer to an agent within
// 2 s by third-party call control or plays the message leg, and writes one `call` record per attempt.
import { randomUUID } from 'node:crypto';
import type { Agent } from '@/dialer/agents/agent-state';
import { checkAbandonRate, ringTimeout } from '@/dialer/compliance/abandon-cap';
import { checkDial, type DialVerdict } from '@/dialer/compliance/check-dial';
import { checkDncListAge, type DncList } from '@/dialer/compliance/dnc';
import { PROFILES, type ComplianceProfile } from '@/dialer/compliance/profiles';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import { DEFAULT_PRIOR, PacingEstimator } from '@/dialer/pacing/estimator';
import { callsToLaunch, DEFAULT_PACING_CONFIG, progressiveCount, type PacingState } from '@/dialer/pacing/policy';
import type { AnsweredLeg, DialOptions, DialResult } from '@/dialer/sip/dialer-ua';
import { DROP_SECONDS } from '@/server/ingest/derive';
import type { AgentPool } from './agent-pool';
import { callRecord, type AttemptFacts } from './call-record';
import type { DialerSettings } from './settings';

export interface Telephony {
  dial(user: string, options?: DialOptions): Promise<DialResult>;
  readonly isConnected: boolean;
}

export interface CampaignInfo { id: string; code: string; orgId: string; timeZone: string }

export interface RunnerDeps {
  telephony: Telephony;
  pool: AgentPool;
  /** Queues a `call` record for the ingest service. */
  record: (record: Record<string, unknown>) => void;
  /** Makes the attempts durable before they are dialled, so a crash cannot lose one (rebuild.ts). */
  journal: (attempts: { id: string; phone: string; startedAt: number }[]) => Promise<void>;
  callback: (c: { phone: string; at: number; agent?: string }) => void;
  /** A callback was dialled: it is not to be dialled again after a restart. */
  callbackDone: (phone: string) => void;
  removeContact: (phone: string, reason: string) => void;
  /** The do-not-call list in force for the organization, or null when none was uploaded. */
  dnc: () => DncList | null;
  now?: () => number;
}

export interface Disposition { disposition?: string; callbackAt?: number }

/** Dispositions with a compliance effect (PRODUCT §5). */
export const NOT_INTERESTED = 'not_interested';
export const DO_NOT_CALL = 'do_not_call';

interface LiveCall { id: string; lead: Lead; startedAt: number; answeredAt?: number; connectedAt?: number; agent?: Agent }

export class CampaignRunner {
  private timer: NodeJS.Timeout | undefined;
  private readonly ringing = new Map<string, LiveCall>();
  private readonly live = new Map<string, LiveCall>();
  /** Agents in wrap-up, with what ends it early (their disposition). */
  private readonly wraps = new Map<string, (d: Disposition) => void>();
  private readonly previews = new Map<string, Lead>();
  private readonly estimator: PacingEstimator;
  private readonly tally = { humanAnswered: 0, dropped: 0 };
  private readonly rejections = new Map<string, number>();
  private blocked: string | null = null;
  private ticking = false;
  private readonly now: () => number;

  constructor(
    readonly campaign: CampaignInfo,
    private settings: DialerSettings,
    readonly hopper: LeadHopper,
    private readonly deps: RunnerDeps,
    today: { humanAnswered: number; dropped: number } = { humanAnswered: 0, dropped: 0 },
    private readonly tickMs = 250,
  ) {
    this.now = deps.now ?? Date.now;
    this.tally = { ...today };
    // A light prior: the campaign's own calls take over after a few answers.
    this.estimator = new PacingEstimator({ ...DEFAULT_PRIOR, weight: 2 }, 2, settings.ringTimeoutSeconds);
    if (settings.status === 'running') this.run();
  }

  get current(): DialerSettings { return this.settings; }

  update(next: DialerSettings): void {
    const wasRunning = this.settings.status === 'running';
    this.settings = next;
    this.hopper.setRules(next.retry);
    if (next.status === 'running' && !wasRunning) this.run();
    if (next.status !== 'running' && wasRunning) this.close();
  }

  private run(): void {
    this.timer ??= setInterval(() => void this.tick(), this.tickMs);
  }

  /** Stops launching; calls in progress finish normally. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get idle(): boolean {
    return this.ringing.size === 0 && this.live.size === 0 && this.wraps.size === 0;
  }

  private profile(): ComplianceProfile {
    const base = PROFILES[this.settings.profile];
    const w = this.settings.window;
    return w ? { ...base, window: { days: w.days, ranges: w.ranges as [number, number][], skipFrenchHolidays: w.skipFrenchHolidays } } : base;
  }

  private dncList(now: number): DncList {
    return this.deps.dnc() ?? { numbers: new Set(), listDate: now };
  }

  /** Why the campaign cannot dial at all right now, or null. */
  private blockReason(now: number): string | null {
    const dnc = this.deps.dnc();
    const age = dnc ? checkDncListAge(now, dnc.listDate, this.profile().dncMaxAgeDays) : { allowed: true as const };
    return age.allowed ? null : age.reason;
  }

  /** The compliance verdict for a lead: every one of its time zones must allow the call. */
  private verdict(lead: Lead, now: number, automated: boolean): DialVerdict {
    const s = this.settings;
    const profile = this.profile();
    const dnc = this.dncList(now);
    const campaign = { callerId: s.callerId, automated, consentRequired: s.consentRequired, purpose: s.purpose, ownedNumbers: new Set([s.callerId]) };
    for (const timeZone of lead.timeZones.length ? lead.timeZones : [this.campaign.timeZone]) {
      const v = checkDial({
        now, profile, campaign, dnc,
        contact: { phone: lead.phone, timeZone, previousAttempts: lead.attemptTimes, history: lead.history },
      });
      if (!v.allowed) return v;
    }
    return { allowed: true };
  }

  private reject(lead: Lead, verdict: Extract<DialVerdict, { allowed: false }>, now: number): void {
    this.rejections.set(verdict.rule, (this.rejections.get(verdict.rule) ?? 0) + 1);
    this.deps.record(callRecord({ id: randomUUID(), campaign: this.campaign.code, direction: 'outbound', phone: lead.phone, contact: lead.name, startedAt: now, endedAt: now, outcome: 'rejected_compliance', rule: verdict.rule }));
    this.hopper.defer(lead.phone, verdict.retryAt, verdict.rule);
  }

  private pacingState(now: number): PacingState {
    const code = this.campaign.code;
    const wrapUp = this.deps.pool.inState(code, 'wrapup').map((a) => {
      const elapsed = (now - a.since) / 1000;
      return { elapsedSeconds: elapsed, remainingSeconds: Math.max(0, this.settings.wrapSeconds - elapsed) };
    });
    const onCall = this.deps.pool.inState(code, 'on_call').map((a) => ({ talkSeconds: (now - a.since) / 1000 }));
    const ringing = [...this.ringing.values()].map((c) => ({ ringSeconds: (now - c.startedAt) / 1000 }));
    return {
      availableAgents: this.deps.pool.count(code, 'available'),
      wrapUp, onCall, ringing,
      waitingCalls: this.deps.pool.waiting(code),
      estimates: this.estimator.estimates(now / 1000, { ringing, onCall, wrapUp }),
      today: { ...this.tally },
      abandonCap: this.settings.abandonTarget,
    };
  }

  /** How many calls to launch now, by mode, within the lines the trunk allows. */
  private launchCount(now: number): number {
    const mode = this.settings.mode;
    if (mode === 'preview') return 0;
    const code = this.campaign.code;
    const capOk = checkAbandonRate(this.tally.humanAnswered, this.tally.dropped, this.settings.abandonTarget).allowed;
    // The full pacing state (and its estimates) only when predictive pacing will read it.
    let n = mode === 'predictive' && capOk
      ? callsToLaunch(this.pacingState(now), { ...DEFAULT_PACING_CONFIG, ringTimeoutSeconds: this.settings.ringTimeoutSeconds })
      : progressiveCount(this.deps.pool.count(code, 'available'), this.deps.pool.waiting(code), this.ringing.size);
    // Blended: inbound callers are served first; every one queued holds back an outbound call.
    if (mode === 'blended') n = Math.max(0, n - this.deps.pool.waiting(code, true));
    const lines = this.settings.maxLines - this.ringing.size - this.live.size;
    return Math.max(0, Math.min(n, lines));
  }

  async tick(): Promise<void> {
    if (this.ticking || this.settings.status !== 'running') return;
    this.ticking = true;
    try {
      const now = this.now();
      this.blocked = this.blockReason(now);
      if (this.blocked || !this.deps.telephony.isConnected) return;
      const n = this.launchCount(now);
      const toDial: Lead[] = [];
      // Refused leads do not use a line: keep taking, within a bound so a blocked list cannot spin the loop.
      for (let tries = 0; toDial.length < n && tries < n + 200; tries++) {
        const lead = this.hopper.take(now);
        if (!lead) break;
        const v = this.verdict(lead, now, true);
        if (v.allowed) toDial.push(lead);
        else this.reject(lead, v, now);
      }
      if (!toDial.length) return;
      const calls = toDial.map((lead) => ({ id: randomUUID(), lead, startedAt: now }));
      try {
        await this.deps.journal(calls.map((c) => ({ id: c.id, phone: c.lead.phone, startedAt: c.startedAt })));
      } catch (err) {
        for (const c of calls) this.hopper.putBack(c.lead.phone);
        throw err;
      }
      for (const call of calls) void this.place(call);
    } finally {
      this.ticking = false;
    }
  }

  private async place(call: LiveCall, agent?: Agent): Promise<void> {
    this.ringing.set(call.id, call);
    const result = await this.deps.telephony.dial(call.lead.phone, { ringTimeoutMs: ringTimeout(this.settings.ringTimeoutSeconds) * 1000 });
    this.ringing.delete(call.id);
    call.startedAt = result.startedAt;
    if (result.outcome !== 'answered') {
      this.estimator.callResolved(false, (result.endedAt - result.startedAt) / 1000, result.endedAt / 1000);
      if (agent) this.deps.pool.set(agent.code, 'available');
      this.finish(call, { outcome: result.outcome, endedAt: result.endedAt });
      return;
    }
    const leg = result.leg;
    call.answeredAt = leg.answeredAt;
    this.estimator.callResolved(true, (leg.answeredAt - result.startedAt) / 1000, leg.answeredAt / 1000);
    this.tally.humanAnswered++;
    this.live.set(call.id, call);
    // Preview calls come with their agent; others claim one within the 2-s rule.
    const claimed = agent ?? (await this.deps.pool.claim(this.campaign.code, DROP_SECONDS * 1000, leg.ended));
    if (!claimed) return this.abandon(call, leg);
    await this.bridge(call, leg, claimed);
  }

  /** No agent in time: the recorded message, then release; the number rests 72 h (compliance/dnc.ts). */
  private async abandon(call: LiveCall, leg: AnsweredLeg): Promise<void> {
    this.tally.dropped++;
    const timer = setTimeout(() => void leg.hangup(), this.settings.messageSeconds * 1000);
    const end = await leg.ended;
    clearTimeout(timer);
    this.live.delete(call.id);
    this.finish(call, { outcome: 'abandoned', endedAt: end.endedAt });
  }

  /** Third-party call control: the agent is offered the customer's SDP, the customer re-INVITEd with the agent's. */
  private async bridge(call: LiveCall, customer: AnsweredLeg, agent: Agent): Promise<void> {
    const code = this.campaign.code;
    const toAgent = await this.deps.telephony.dial(agent.sipUser, { ringTimeoutMs: 5_000, offerSdp: customer.remoteSdp });
    if (toAgent.outcome !== 'answered') {
      // The agent's phone did not pick up: the agent is paused, the customer gets the message leg.
      if (this.deps.pool.get(agent.code)?.state === 'reserved') this.deps.pool.set(agent.code, 'paused', code);
      return this.abandon(call, customer);
    }
    try {
      await customer.reoffer(toAgent.leg.remoteSdp);
    } catch {
      // The customer hung up while the agent was being put through: a drop by the 2-s rule.
      await toAgent.leg.hangup();
      this.tally.dropped++;
      this.deps.pool.set(agent.code, 'available', code);
      this.live.delete(call.id);
      return this.finish(call, { outcome: 'abandoned', endedAt: this.now() });
    }
    call.connectedAt = this.now();
    call.agent = agent;
    if ((call.connectedAt - call.answeredAt!) / 1000 > DROP_SECONDS) this.tally.dropped++;
    this.deps.pool.set(agent.code, 'on_call', code);
    const end = await Promise.race([customer.ended, toAgent.leg.ended]);
    await Promise.all([customer.hangup(), toAgent.leg.hangup()]);
    this.live.delete(call.id);
    this.estimator.talkEnded((end.endedAt - call.connectedAt) / 1000);
    if (this.deps.pool.get(agent.code)?.state !== 'on_call') {
      this.finish(call, { outcome: 'connected', endedAt: end.endedAt });
      return;
    }
    this.deps.pool.set(agent.code, 'wrapup', code);
    const disposition = await this.wrapUp(agent.code);
    const wrapSeconds = (this.now() - end.endedAt) / 1000;
    this.estimator.wrapEnded(wrapSeconds);
    if (this.deps.pool.get(agent.code)?.state === 'wrapup') this.deps.pool.set(agent.code, 'available', code);
    this.finish(call, { outcome: 'connected', endedAt: end.endedAt, wrapSeconds, ...disposition });
  }

  /** After-call work ends when the agent sets a disposition or the wrap-up time runs out. */
  private wrapUp(agentCode: string): Promise<Disposition> {
    return new Promise((resolve) => {
      const end = (d: Disposition) => { clearTimeout(timer); this.wraps.delete(agentCode); resolve(d); };
      const timer = setTimeout(() => end({}), this.settings.wrapSeconds * 1000);
      this.wraps.set(agentCode, end);
    });
  }

  /** The agent's disposition of the call it is wrapping up; false when it has none. */
  dispose(agentCode: string, d: Disposition): boolean {
    const end = this.wraps.get(agentCode);
    end?.(d);
    return end !== undefined;
  }

  private finish(call: LiveCall, end: { outcome: Exclude<AttemptFacts['outcome'], 'rejected_compliance'>; endedAt: number; wrapSeconds?: number } & Disposition): void {
    const { lead } = call;
    this.deps.record(callRecord({
      id: call.id, campaign: this.campaign.code, direction: 'outbound', phone: lead.phone, contact: lead.name,
      agent: call.agent?.code, startedAt: call.startedAt, answeredAt: call.answeredAt, connectedAt: call.connectedAt,
      endedAt: end.endedAt, wrapSeconds: end.wrapSeconds, outcome: end.outcome, disposition: end.disposition,
    }));
    const remove = end.disposition === NOT_INTERESTED || end.disposition === DO_NOT_CALL ? end.disposition : undefined;
    if (end.disposition === NOT_INTERESTED) lead.history = { ...lead.history, refusedAt: end.endedAt };
    if (end.disposition === DO_NOT_CALL) lead.history = { ...lead.history, optedOutAt: end.endedAt };
    if (lead.callback) this.deps.callbackDone(lead.phone);
    if (remove) this.deps.removeContact(lead.phone, remove);
    if (end.callbackAt !== undefined && !remove) this.deps.callback({ phone: lead.phone, at: end.callbackAt, agent: call.agent?.code });
    this.hopper.settle(lead.phone, end.outcome, end.endedAt, { callbackAt: remove ? undefined : end.callbackAt, agent: call.agent?.code, remove });
  }

  // ——— Preview: the agent sees the record first, then dials it (or skips it). ———

  previewTake(agentCode: string): Lead | undefined {
    const existing = this.previews.get(agentCode);
    if (existing) return existing;
    const agent = this.deps.pool.get(agentCode);
    if (!agent || agent.state !== 'available') return undefined;
    const now = this.now();
    for (let tries = 0; tries < 200; tries++) {
      const lead = this.hopper.take(now, agentCode);
      if (!lead) return undefined;
      const v = this.verdict(lead, now, false);
      if (!v.allowed) { this.reject(lead, v, now); continue; }
      this.deps.pool.set(agentCode, 'reserved', this.campaign.code);
      this.previews.set(agentCode, lead);
      return lead;
    }
    return undefined;
  }

  previewSkip(agentCode: string): void {
    const lead = this.previews.get(agentCode);
    if (!lead) return;
    this.previews.delete(agentCode);
    this.hopper.putBack(lead.phone);
    if (this.deps.pool.get(agentCode)?.state === 'reserved') this.deps.pool.set(agentCode, 'available', this.campaign.code);
  }

  async previewDial(agentCode: string): Promise<void> {
    const lead = this.previews.get(agentCode);
    const agent = this.deps.pool.get(agentCode);
    if (!lead || !agent) throw new Error('no record taken in preview by this agent');
    this.previews.delete(agentCode);
    const now = this.now();
    // Time has passed while the agent read the record: the rules are checked again at dial time.
    const v = this.verdict(lead, now, false);
    if (!v.allowed) {
      this.reject(lead, v, now);
      this.deps.pool.set(agentCode, 'available', this.campaign.code);
      return;
    }
    const call: LiveCall = { id: randomUUID(), lead, startedAt: now };
    await this.deps.journal([{ id: call.id, phone: lead.phone, startedAt: now }]);
    void this.place(call, agent);
  }

  /** What the manager's dialer panel shows. */
  snapshot() {
    const now = this.now();
    const code = this.campaign.code;
    const agents = { available: 0, reserved: 0, on_call: 0, wrapup: 0, paused: 0 };
    for (const state of Object.keys(agents) as (keyof typeof agents)[]) agents[state] = this.deps.pool.count(code, state);
    const active = agents.available + agents.reserved + agents.on_call + agents.wrapup;
    const lines = this.ringing.size + this.live.size;
    return {
      campaign: code, status: this.settings.status, mode: this.settings.mode, blocked: this.blocked,
      sipConnected: this.deps.telephony.isConnected, noDncList: this.deps.dnc() === null,
      linesInUse: lines, ringing: this.ringing.size, waitingForAgent: this.deps.pool.waiting(code),
      dialLevel: active ? lines / active : 0,
      abandonRate: this.tally.humanAnswered ? this.tally.dropped / this.tally.humanAnswered : null,
      abandonTarget: this.settings.abandonTarget, humanAnswered: this.tally.humanAnswered, dropped: this.tally.dropped,
      agents, leads: this.hopper.counts(now), rejections: Object.fromEntries(this.rejections),
    };
  }
}
export type RunnerSnapshot = ReturnType<CampaignRunner['snapshot']>;
