// One campaign's dialing loop: paces (dialer/pacing), picks leads (dialer/hopper), checks every dial against
// the compliance rules (dialer/compliance), places the call, hands an answered customer to an agent within
// 2 s by third-party call control or plays the message leg, and writes one `call` record per attempt.
// It also queues the campaign's inbound callers (its line, or customers calling back: smart outbound) and
// puts them through to its agents first.
import { randomUUID } from 'node:crypto';
import type { Agent } from '@/dialer/agents/agent-state';
import { checkAbandonRate, ringTimeout } from '@/dialer/compliance/abandon-cap';
import { checkDial, type DialVerdict } from '@/dialer/compliance/check-dial';
import { checkDncListAge, type DncList } from '@/dialer/compliance/dnc';
import { PROFILES, type ComplianceProfile } from '@/dialer/compliance/profiles';
import { LeadHopper, type HistoryNote, type Lead } from '@/dialer/hopper/lead-hopper';
import { DEFAULT_PRIOR, PacingEstimator, type EstimatorPrior } from '@/dialer/pacing/estimator';
import { callsToLaunch, DEFAULT_PACING_CONFIG, progressiveCount, type PacingState } from '@/dialer/pacing/policy';
import type { AnsweredLeg, DialOptions, DialResult, LegEnd } from '@/dialer/sip/dialer-ua';
import { type Direction, DROP_SECONDS } from '@/clickhouse/vocabulary';
import type { AgentPool } from './agent-pool';
import { bridgeToAgent } from './bridge';
import { callRecord, type AttemptFacts } from './call-record';
import type { DialerSettings } from './settings';

export interface Telephony {
  dial(user: string, options?: DialOptions): Promise<DialResult>;
  readonly isConnected: boolean;
}

export interface CampaignInfo { id: string; code: string; orgId: string; timeZone: string; direction: Direction; partnershipId: string }

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
  /** Tells the client's other campaigns what happened to a number (their compliance rules count it too). */
  share?: (phone: string, note: HistoryNote) => void;
  /** The inbound queue grew or shrank (the live monitor shows it). */
  queueChanged?: () => void;
  /** The pacing's start-of-day prior (runner/pacing-prior.ts); a weak default without it. */
  pacingPrior?: EstimatorPrior;
  now?: () => number;
}

export interface Disposition { disposition?: string; callbackAt?: number }

/** Dispositions with a compliance effect (PRODUCT §5). */
export const NOT_INTERESTED = 'not_interested';
export const DO_NOT_CALL = 'do_not_call';

interface LiveCall {
  id: string;
  direction: Direction;
  phone: string;
  /** Outbound: the lead dialled; inbound: the caller's record when the campaign knows the number. */
  lead?: Lead;
  startedAt: number;
  answeredAt?: number;
  connectedAt?: number;
  agent?: Agent;
}

/** A customer who called in and was answered (queued); `lead` when the campaign had called the number. */
export interface InboundArrival { phone: string; arrivedAt: number; leg: AnsweredLeg; lead?: Lead }

/** What the agent on a call sees of it: the desk shows the contact's record with it. */
export interface AgentCallView { id: string; campaign: string; direction: Direction; phone: string; contact?: string; fields?: Record<string, string>; calledBefore: boolean; since: number }

export class CampaignRunner {
  private timer: NodeJS.Timeout | undefined;
  private readonly ringing = new Map<string, LiveCall>();
  private readonly live = new Map<string, LiveCall>();
  /** Inbound callers answered and waiting for an agent. */
  private readonly queued = new Map<string, LiveCall>();
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
    this.estimator = new PacingEstimator(deps.pacingPrior ?? { ...DEFAULT_PRIOR, weight: 2 }, 2, settings.ringTimeoutSeconds);
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
    return this.ringing.size === 0 && this.live.size === 0 && this.queued.size === 0 && this.wraps.size === 0;
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
    if (this.campaign.direction === 'outbound' && !this.settings.callerId) return 'no caller ID: set the number the campaign presents';
    const dnc = this.deps.dnc();
    const age = dnc ? checkDncListAge(now, dnc.listDate, this.profile().dncMaxAgeDays) : { allowed: true as const };
    return age.allowed ? null : age.reason;
  }

  /** The compliance verdict for a lead: every one of its time zones must allow the call. */
  private verdict(lead: Lead, now: number, automated: boolean): DialVerdict {
    const s = this.settings;
    const profile = this.profile();
    const dnc = this.dncList(now);
    const campaign = { callerId: s.callerId ?? '', automated, consentRequired: s.consentRequired, purpose: s.purpose, ownedNumbers: new Set(s.callerId ? [s.callerId] : []) };
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

  /**
   * Answered calls waiting for the campaign's agents (its own callers calling back among them). Blended: every
   * inbound caller its agents could take, whichever line they called —
   * they are served first, so to the pacing they are calls already waiting for the next free agents.
   */
  private waitingCalls(): number {
    const code = this.campaign.code;
    return this.settings.mode === 'blended' ? this.deps.pool.waiting(code, false) + this.deps.pool.inboundWaitingFor(code) : this.deps.pool.waiting(code);
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
      waitingCalls: this.waitingCalls(),
      estimates: this.estimator.estimates(now / 1000, { ringing, onCall, wrapUp }),
      today: { ...this.tally },
      abandonCap: this.settings.abandonTarget,
    };
  }

  /**
   * How many calls to launch now, by mode, within the lines the trunk allows. Predictive and blended pace
   * ahead of the agents while today's abandon rate allows it, else progressive; blended counts the inbound
   * queue as calls already waiting, so outbound dialing gives way as the queue grows.
   */
  private launchCount(now: number): number {
    const mode = this.settings.mode;
    if (mode === 'preview' || this.campaign.direction === 'inbound') return 0;
    const capOk = checkAbandonRate(this.tally.humanAnswered, this.tally.dropped, this.settings.abandonTarget).allowed;
    // The full pacing state (and its estimates) only when predictive pacing will read it.
    const n = (mode === 'predictive' || mode === 'blended') && capOk
      ? callsToLaunch(this.pacingState(now), { ...DEFAULT_PACING_CONFIG, ringTimeoutSeconds: this.settings.ringTimeoutSeconds })
      : progressiveCount(this.deps.pool.count(this.campaign.code, 'available'), this.waitingCalls(), this.ringing.size);
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
      const calls: LiveCall[] = toDial.map((lead) => ({ id: randomUUID(), direction: 'outbound', phone: lead.phone, lead, startedAt: now }));
      try {
        await this.deps.journal(calls.map((c) => ({ id: c.id, phone: c.phone, startedAt: c.startedAt })));
      } catch (err) {
        for (const c of calls) this.hopper.putBack(c.phone);
        throw err;
      }
      for (const call of calls) void this.place(call);
    } finally {
      this.ticking = false;
    }
  }

  private async place(call: LiveCall, agent?: Agent): Promise<void> {
    this.ringing.set(call.id, call);
    const result = await this.deps.telephony.dial(call.phone, { ringTimeoutMs: ringTimeout(this.settings.ringTimeoutSeconds) * 1000 });
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
    const bridged = await bridgeToAgent((u, o) => this.deps.telephony.dial(u, o), leg, claimed.sipUser);
    if (bridged.kind === 'agent_no_answer') {
      // The agent's phone did not pick up: the agent is paused, the customer gets the message leg.
      this.pauseUnanswering(claimed);
      return this.abandon(call, leg);
    }
    if (bridged.kind === 'customer_gone') {
      // The customer hung up while the agent was being put through: a drop by the 2-s rule.
      this.tally.dropped++;
      this.deps.pool.set(claimed.code, 'available', this.campaign.code);
      this.live.delete(call.id);
      return this.finish(call, { outcome: 'abandoned', endedAt: this.now() });
    }
    const connectedAt = this.now();
    if ((connectedAt - call.answeredAt!) / 1000 > DROP_SECONDS) this.tally.dropped++;
    await this.converse(call, leg, bridged.agentLeg, claimed, connectedAt);
  }

  private pauseUnanswering(agent: Agent): void {
    if (this.deps.pool.get(agent.code)?.state === 'reserved') this.deps.pool.set(agent.code, 'paused', this.campaign.code);
  }

  /**
   * An inbound caller, answered: queued until an agent of the campaign is free (inbound callers are served
   * before outbound answered calls), for at most the queue timeout, then put through like an outbound call.
   * Its record starts when it entered the queue; hanging up while queued is an abandon.
   */
  async takeInbound(arrival: InboundArrival): Promise<void> {
    const { leg } = arrival;
    const call: LiveCall = { id: randomUUID(), direction: 'inbound', phone: arrival.phone, lead: arrival.lead, startedAt: arrival.arrivedAt };
    let gone: LegEnd | undefined;
    void leg.ended.then((e) => (gone = e));
    const deadline = arrival.arrivedAt + this.settings.queueTimeoutSeconds * 1000;
    this.enqueue(call);
    for (;;) {
      const agent = await this.deps.pool.claim(this.campaign.code, Math.max(0, deadline - this.now()), leg.ended, true);
      if (!agent) {
        this.dequeue(call);
        if (gone) return this.finish(call, { outcome: 'abandoned', endedAt: gone.endedAt });
        // Nobody freed up within the queue timeout: the closing message, then release.
        this.live.set(call.id, call);
        return this.abandon(call, leg, false);
      }
      this.dequeue(call);
      this.live.set(call.id, call);
      const bridged = await bridgeToAgent((u, o) => this.deps.telephony.dial(u, o), leg, agent.sipUser);
      if (bridged.kind === 'bridged') return this.converse(call, leg, bridged.agentLeg, agent, this.now());
      if (bridged.kind === 'customer_gone') {
        this.deps.pool.set(agent.code, 'available', this.campaign.code);
        this.live.delete(call.id);
        return this.finish(call, { outcome: 'abandoned', endedAt: gone?.endedAt ?? this.now() });
      }
      // The agent's phone did not pick up: that agent is paused, the caller goes back to the queue.
      this.pauseUnanswering(agent);
      this.live.delete(call.id);
      this.enqueue(call);
    }
  }

  private enqueue(call: LiveCall): void {
    this.queued.set(call.id, call);
    this.deps.queueChanged?.();
  }

  private dequeue(call: LiveCall): void {
    if (this.queued.delete(call.id)) this.deps.queueChanged?.();
  }

  /** Callers waiting now and how long the first has waited (the live monitor of an inbound campaign). */
  queue(): { waiting: number; longestWaitSeconds: number } {
    return { waiting: this.queued.size, longestWaitSeconds: Math.round(this.deps.pool.longestInboundWait(this.campaign.code) / 1000) };
  }

  /** No agent in time: the recorded message, then release; the number rests 72 h (compliance/dnc.ts). */
  private async abandon(call: LiveCall, leg: AnsweredLeg, drop = true): Promise<void> {
    if (drop) this.tally.dropped++;
    const timer = setTimeout(() => void leg.hangup(), this.settings.messageSeconds * 1000);
    const end = await leg.ended;
    clearTimeout(timer);
    this.live.delete(call.id);
    this.finish(call, { outcome: 'abandoned', endedAt: end.endedAt });
  }

  /** Agent and customer talk; when either hangs up both legs are released and the agent wraps up. */
  private async converse(call: LiveCall, customer: AnsweredLeg, agentLeg: AnsweredLeg, agent: Agent, connectedAt: number): Promise<void> {
    const code = this.campaign.code;
    call.agent = agent;
    call.connectedAt = connectedAt;
    this.deps.pool.set(agent.code, 'on_call', code);
    const end = await Promise.race([customer.ended, agentLeg.ended]);
    await Promise.all([customer.hangup(), agentLeg.hangup()]);
    this.live.delete(call.id);
    this.estimator.talkEnded((end.endedAt - connectedAt) / 1000);
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
      id: call.id, campaign: this.campaign.code, direction: call.direction, phone: call.phone, contact: lead?.name,
      agent: call.agent?.code, startedAt: call.startedAt, answeredAt: call.direction === 'outbound' ? call.answeredAt : undefined,
      connectedAt: call.connectedAt, endedAt: end.endedAt, wrapSeconds: end.wrapSeconds, outcome: end.outcome, disposition: end.disposition,
    }));
    this.deps.share?.(call.phone, {
      attemptAt: call.direction === 'outbound' ? end.endedAt : undefined,
      abandonedAt: call.direction === 'outbound' && end.outcome === 'abandoned' ? end.endedAt : undefined,
      refusedAt: end.disposition === NOT_INTERESTED ? end.endedAt : undefined,
      optedOutAt: end.disposition === DO_NOT_CALL ? end.endedAt : undefined,
    });
    if (!lead) return;
    const remove = end.disposition === NOT_INTERESTED || end.disposition === DO_NOT_CALL ? end.disposition : undefined;
    if (end.disposition === NOT_INTERESTED) lead.history = { ...lead.history, refusedAt: end.endedAt };
    if (end.disposition === DO_NOT_CALL) lead.history = { ...lead.history, optedOutAt: end.endedAt };
    if (remove) this.deps.removeContact(lead.phone, remove);
    const callbackAt = remove ? undefined : end.callbackAt;
    if (callbackAt !== undefined) this.deps.callback({ phone: lead.phone, at: callbackAt, agent: call.agent?.code });
    if (call.direction === 'inbound') {
      this.hopper.calledIn(lead.phone, end.endedAt, { reached: end.outcome === 'connected', callbackAt, agent: call.agent?.code, remove });
      return;
    }
    if (lead.callback) this.deps.callbackDone(lead.phone);
    this.hopper.settle(lead.phone, end.outcome, end.endedAt, { callbackAt, agent: call.agent?.code, remove });
  }

  /** The call an agent is on (until its hang-up), with the contact's record when the campaign has it. */
  agentCall(agentCode: string): AgentCallView | undefined {
    for (const call of this.live.values()) {
      if (call.agent?.code !== agentCode) continue;
      return {
        id: call.id, campaign: this.campaign.code, direction: call.direction, phone: call.phone, contact: call.lead?.name,
        fields: call.lead?.fields, calledBefore: (call.lead?.attempts ?? 0) > 0, since: call.connectedAt ?? call.startedAt,
      };
    }
    return undefined;
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
    const call: LiveCall = { id: randomUUID(), direction: 'outbound', phone: lead.phone, lead, startedAt: now };
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
      linesInUse: lines, ringing: this.ringing.size, waitingForAgent: this.deps.pool.waiting(code, false),
      direction: this.campaign.direction, number: this.settings.callerId,
      inboundQueue: this.queued.size, longestWaitSeconds: this.queue().longestWaitSeconds,
      dialLevel: active ? lines / active : 0,
      abandonRate: this.tally.humanAnswered ? this.tally.dropped / this.tally.humanAnswered : null,
      abandonTarget: this.settings.abandonTarget, humanAnswered: this.tally.humanAnswered, dropped: this.tally.dropped,
      agents, leads: this.hopper.counts(now), rejections: Object.fromEntries(this.rejections),
    };
  }
}
export type RunnerSnapshot = ReturnType<CampaignRunner['snapshot']>;
