// One campaign's dialing loop: paces (dialer/pacing), picks leads (dialer/hopper) through the compliance gate
// (dial-gate.ts), places the call, hands an answered customer to an agent within 2 s by third-party call
// control or plays the message leg, and writes one `call` record per attempt. It also queues the campaign's
// inbound callers (its line, or customers calling back: smart outbound) and puts them through to its agents
// first. Each call moves through the states of calls/call-state.ts, held in one map (calls/live-calls.ts).
import { randomUUID } from 'node:crypto';
import { DROP_SECONDS } from '@/clickhouse/vocabulary';
import type { Agent } from '@/dialer/agents/agent-state';
import { callRecord, type AttemptFacts } from '@/dialer/calls/call-record';
import { LiveCalls, type LiveCall } from '@/dialer/calls/live-calls';
import { ON_LINE } from '@/dialer/calls/call-state';
import { ABANDON_CAP, checkAbandonRate, ringTimeout } from '@/dialer/compliance/abandon-cap';
import { checkCallbackTime, type CallbackVerdict } from '@/dialer/compliance/callback-time';
import type { DncList } from '@/dialer/compliance/dnc';
import type { HistoryNote, Lead, LeadHopper } from '@/dialer/hopper/lead-hopper';
import type { AttemptOutcome } from '@/dialer/hopper/retry-rules';
import { DEFAULT_PRIOR, PacingEstimator, type EstimatorPrior } from '@/dialer/pacing/estimator';
import { callsToLaunch, DEFAULT_PACING_CONFIG, progressiveCount, type PacingState } from '@/dialer/pacing/policy';
import type { AnsweredLeg, DialOptions, DialResult, LegEnd } from '@/dialer/sip/dialer-ua';
import type { AbandonTally } from './abandon-tally';
import type { AgentPool } from './agent-pool';
import { bridgeToAgent, type BridgeMedia } from './bridge';
import { recordIfAsked, withRecordingPath } from './call-recording';
import { messageLeg, type Announce } from './message-leg';
import type { CampaignInfo } from './campaign-info';
import type { PartnershipRecords } from '@/dialer/records-cache';
import { DialGate } from './dial-gate';
import { PreviewDesk } from './preview';
import { HoldClock } from './hold-clock';
import type { DialerSettings } from './settings';

export interface Telephony {
  dial(user: string, options?: DialOptions): Promise<DialResult>;
  readonly isConnected: boolean;
}

export interface RunnerDeps {
  telephony: Telephony;
  pool: AgentPool;
  /** Queues a `call` record for the record sink. */
  record: (record: Record<string, unknown>) => void;
  /** Makes the attempts durable before they are dialled, so a crash cannot lose one (rebuild.ts). */
  journal: (attempts: { id: string; phone: string; startedAt: number }[]) => Promise<void>;
  callback: (c: { phone: string; at: number; agent?: string }) => void;
  /** A callback was dialled: it is not to be dialled again after a restart. */
  callbackDone: (phone: string) => void;
  removeContact: (phone: string, reason: string) => void;
  /** The do-not-call list in force for the organization, or null when none was uploaded. */
  dnc: () => DncList | null;
  /** The partnership's number inventory and consent records: the caller ID must be in it, consents are read from it. */
  records: () => PartnershipRecords | null;
  /** Tells the client's other campaigns what happened to a number (their compliance rules count it too). */
  share?: (phone: string, note: HistoryNote) => void;
  /** The inbound queue grew or shrank (the live monitor shows it). */
  queueChanged?: () => void;
  /** The pacing's start-of-day prior (runner/pacing-prior.ts); a weak default without it. */
  pacingPrior?: EstimatorPrior;
  /** The campaign's abandon target as pacing reads it (pacingAbandonTarget); the cap when absent. */
  abandonTarget?: number;
  /** The media relay an agent's calls go through (rtpengine; a browser agent needs it), none: SDPs are swapped directly. */
  media?: (agent: Agent) => BridgeMedia | undefined;
  /** Plays the abandoned-call message through the media relay (message-leg.ts `announcer`); none: silence, then the hang-up. */
  announce?: Announce;
  now?: () => number;
}

export interface Disposition {
  disposition?: string;
  callbackAt?: number;
  /** The campaign's catalogue flags of that disposition: a refusal (the 60-day rule), a do-not-call (permanent). */
  refusal?: boolean;
  dnc?: boolean;
  /** A callback for anyone of the campaign (false), or for the agent who set it (the default). */
  callbackPersonal?: boolean;
}

/** Dispositions with a compliance effect (PRODUCT §5). */
export const NOT_INTERESTED = 'not_interested';
export const DO_NOT_CALL = 'do_not_call';

/** A customer who called in and was answered (queued); `lead` when the campaign had called the number. */
export interface InboundArrival { phone: string; arrivedAt: number; leg: AnsweredLeg; lead?: Lead }

/** What the agent on a call sees of it: the desk shows the contact's record with it. */
export interface AgentCallView {
  id: string; campaign: string; direction: LiveCall['direction']; phone: string; contact?: string; fields?: Record<string, string>;
  calledBefore: boolean; attempts: number; lastOutcome?: string; since: number;
  /** Talking, or wrapping up (the call ended; its disposition is awaited). */
  phase: 'talking' | 'wrapup';
  /** Whether it can be put on hold (bridged through the media relay), since when it is held, its hold time so far. */
  canHold: boolean; heldSince: number | null; holdSeconds: number;
}

type Ending = { outcome: AttemptOutcome; endedAt: number; wrapSeconds?: number } & Disposition;

export class CampaignRunner {
  readonly preview: PreviewDesk;
  private timer: NodeJS.Timeout | undefined;
  private readonly calls = new LiveCalls();
  /** The agent leg of each agent on a call (the desk may end it), and the agents whose desk went away mid-call. */
  private readonly agentLegs = new Map<string, AnsweredLeg>();
  /** The hold of each agent's call in progress: the relay's control and the time held so far. */
  private readonly holds = new Map<string, { set?: (on: boolean) => Promise<void>; clock: HoldClock; busy: Promise<unknown> }>();
  private readonly dropped = new Set<string>();
  /** What ends each agent's wrap-up early (their disposition). */
  private readonly wraps = new Map<string, (d: Disposition) => void>();
  private readonly gate: DialGate;
  private readonly estimator: PacingEstimator;
  private blocked: string | null = null;
  private ticking = false;
  private readonly now: () => number;
  /** The campaign's abandon target (its brief's), which the pacing aims under; changed live by `setAbandonTarget`. */
  private abandonTarget: number;

  constructor(
    readonly campaign: CampaignInfo,
    private settings: DialerSettings,
    readonly hopper: LeadHopper,
    private readonly deps: RunnerDeps,
    private tally: AbandonTally,
    private readonly tickMs = 250,
  ) {
    this.now = deps.now ?? Date.now;
    this.abandonTarget = deps.abandonTarget ?? ABANDON_CAP;
    this.gate = new DialGate({ campaign, settings: () => this.settings, hopper, dnc: deps.dnc, records: deps.records, record: deps.record });
    this.preview = new PreviewDesk({
      campaignCode: campaign.code, hopper, pool: deps.pool, gate: this.gate, now: this.now, journal: deps.journal,
      place: (c, agent) => void this.place(this.calls.add({ id: c.id, direction: 'outbound', phone: c.lead.phone, lead: c.lead, startedAt: c.startedAt }, 'ringing'), agent),
    });
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

  /** The campaign's abandon target changed (the brief, the API or the /dialer page): the next tick paces under it. */
  setAbandonTarget(target: number): void {
    this.abandonTarget = target;
  }

  /**
   * The campaign's time zone changed: the calling hours of contacts of unknown country and the campaign day are
   * read in the new one from now on, the day's tally (read again in that zone) with them.
   */
  moveTo(timeZone: string, tally: AbandonTally): void {
    this.campaign.timeZone = timeZone;
    this.tally = tally;
  }

  /** A tally read again from the records (the profile, hence the period, changed). */
  replaceTally(tally: AbandonTally): void {
    this.tally = tally;
  }

  get abandonPeriod(): AbandonTally['period'] { return this.tally.period; }

  private run(): void {
    this.timer ??= setInterval(() => void this.tick(), this.tickMs);
  }

  /** Stops launching; calls in progress finish normally. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get idle(): boolean {
    return this.calls.size === 0;
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
    const ringing = this.calls.inState('ringing').map((c) => ({ ringSeconds: (now - c.startedAt) / 1000 }));
    return {
      availableAgents: this.deps.pool.count(code, 'available'),
      wrapUp, onCall, ringing,
      waitingCalls: this.waitingCalls(),
      estimates: this.estimator.estimates(now / 1000, { ringing, onCall, wrapUp }),
      today: this.tally.totals(now),
      abandonCap: this.abandonTarget,
    };
  }

  private linesInUse(): number {
    return this.calls.count('ringing', ...ON_LINE);
  }

  /**
   * How many calls to launch now, by mode, within the lines the trunk allows. Predictive and blended pace
   * ahead of the agents while the period's abandon rate allows it, else progressive; blended counts the inbound
   * queue as calls already waiting, so outbound dialing gives way as the queue grows.
   */
  private launchCount(now: number): number {
    const mode = this.settings.mode;
    if (mode === 'preview' || this.campaign.direction === 'inbound') return 0;
    const { humanAnswered, dropped } = this.tally.totals(now);
    const capOk = checkAbandonRate(humanAnswered, dropped, this.abandonTarget).allowed;
    // The full pacing state (and its estimates) only when predictive pacing will read it.
    const n = (mode === 'predictive' || mode === 'blended') && capOk
      ? callsToLaunch(this.pacingState(now), { ...DEFAULT_PACING_CONFIG, ringTimeoutSeconds: this.settings.ringTimeoutSeconds })
      : progressiveCount(this.deps.pool.count(this.campaign.code, 'available'), this.waitingCalls(), this.calls.count('ringing'));
    return Math.max(0, Math.min(n, this.settings.maxLines - this.linesInUse()));
  }

  async tick(): Promise<void> {
    if (this.ticking || this.settings.status !== 'running') return;
    this.ticking = true;
    try {
      const now = this.now();
      this.blocked = this.gate.blockReason(now);
      if (this.blocked || !this.deps.telephony.isConnected) return;
      const n = this.launchCount(now);
      const toDial: Lead[] = [];
      // Refused leads do not use a line: keep taking, within a bound so a blocked list cannot spin the loop.
      for (let tries = 0; toDial.length < n && tries < n + 200; tries++) {
        const lead = this.hopper.take(now, undefined, (code) => this.busyOwner(code));
        if (!lead) break;
        const v = this.gate.verdict(lead, now, true);
        if (v.allowed) toDial.push(lead);
        else if (this.gate.reject(lead, v, now)) break;
      }
      if (!toDial.length) return;
      // A personal callback goes to its agent when that agent is free: reserved now (as in preview), put through
      // when the customer answers; otherwise (its agent paused or logged out) to whoever is free.
      const owners = toDial.map((lead) => this.reserveOwner(lead));
      const attempts = toDial.map((lead) => ({ id: randomUUID(), phone: lead.phone, startedAt: now }));
      try {
        await this.deps.journal(attempts);
      } catch (err) {
        for (const lead of toDial) this.hopper.putBack(lead.phone);
        for (const owner of owners) if (owner) this.deps.pool.set(owner.code, 'available');
        throw err;
      }
      toDial.forEach((lead, i) => void this.place(this.calls.add({ id: attempts[i]!.id, direction: 'outbound', phone: lead.phone, lead, startedAt: now }, 'ringing'), owners[i]));
    } finally {
      this.ticking = false;
    }
  }

  /** Dials a ringing call; preview calls come with their agent, others claim one within the 2-s rule. */
  private async place(call: LiveCall, agent?: Agent): Promise<void> {
    const result = await this.deps.telephony.dial(call.phone, { ringTimeoutMs: ringTimeout(this.settings.ringTimeoutSeconds) * 1000 });
    call.startedAt = result.startedAt;
    if (result.outcome !== 'answered') {
      this.estimator.callResolved(false, (result.endedAt - result.startedAt) / 1000, result.endedAt / 1000);
      if (agent) this.deps.pool.set(agent.code, 'available');
      return this.finish(call, { outcome: result.outcome, endedAt: result.endedAt });
    }
    const leg = result.leg;
    call.answeredAt = leg.answeredAt;
    this.calls.move(call, 'answered');
    this.estimator.callResolved(true, (leg.answeredAt - result.startedAt) / 1000, leg.answeredAt / 1000);
    this.tally.answered(call.startedAt);
    const claimed = agent ?? (await this.deps.pool.claim(this.campaign.code, DROP_SECONDS * 1000, leg.ended));
    if (!claimed) return this.abandon(call, leg);
    this.calls.move(call, 'bridging');
    const media = this.deps.media?.(claimed);
    await recordIfAsked(this.campaign.recording, call, leg, media);
    const bridged = await bridgeToAgent((u, o) => this.deps.telephony.dial(u, o), leg, claimed.sipUser, media);
    if (bridged.kind === 'media_failed') {
      // No media path to anyone: the agent is not at fault, the customer gets the message leg.
      this.deps.pool.set(claimed.code, 'available', this.campaign.code);
      return this.abandon(call, leg);
    }
    if (bridged.kind === 'agent_no_answer') {
      // The agent's phone did not pick up: the agent is paused, the customer gets the message leg.
      this.pauseUnanswering(claimed);
      return this.abandon(call, leg);
    }
    if (bridged.kind === 'customer_gone') {
      // The customer hung up while the agent was being put through: a drop by the 2-s rule.
      this.tally.dropped(call.startedAt);
      this.deps.pool.set(claimed.code, 'available', this.campaign.code);
      return this.finish(call, { outcome: 'abandoned', endedAt: this.now() });
    }
    const connectedAt = this.now();
    if ((connectedAt - call.answeredAt) / 1000 > DROP_SECONDS) this.tally.dropped(call.startedAt);
    await this.converse(call, leg, bridged, claimed, connectedAt);
  }

  /** Whether `code` is an agent of this campaign busy with a call (ringing, talking, wrapping up): its personal callbacks wait. */
  private busyOwner(code: string): boolean {
    const a = this.deps.pool.get(code);
    return !!a && a.campaigns.includes(this.campaign.code) && (a.state === 'ringing' || a.state === 'on_call' || a.state === 'wrapup');
  }

  /** The agent of a personal callback, reserved for it when free; undefined for any other lead (claimed on answer). */
  private reserveOwner(lead: Lead): Agent | undefined {
    const code = lead.callback?.agent;
    const a = code ? this.deps.pool.get(code) : undefined;
    if (!a || a.state !== 'available' || !a.campaigns.includes(this.campaign.code)) return undefined;
    return this.deps.pool.set(a.code, 'ringing', this.campaign.code);
  }

  private pauseUnanswering(agent: Agent): void {
    if (this.deps.pool.get(agent.code)?.state === 'ringing') this.deps.pool.set(agent.code, 'paused', this.campaign.code);
  }

  /**
   * An inbound caller, answered: queued until an agent of the campaign is free (inbound callers are served
   * before outbound answered calls), for at most the queue timeout, then put through like an outbound call.
   * Its record starts when it entered the queue; hanging up while queued is an abandon.
   */
  async takeInbound(arrival: InboundArrival): Promise<void> {
    const { leg } = arrival;
    const call = this.calls.add({ id: randomUUID(), direction: 'inbound', phone: arrival.phone, lead: arrival.lead, startedAt: arrival.arrivedAt }, 'queued');
    this.deps.queueChanged?.();
    let gone: LegEnd | undefined;
    void leg.ended.then((e) => (gone = e));
    const deadline = arrival.arrivedAt + this.settings.queueTimeoutSeconds * 1000;
    for (;;) {
      const agent = await this.deps.pool.claim(this.campaign.code, Math.max(0, deadline - this.now()), leg.ended, true);
      if (!agent) {
        // Nobody freed up within the queue timeout: the closing message, then release.
        const ending = gone ? this.finish(call, { outcome: 'abandoned', endedAt: gone.endedAt }) : this.abandon(call, leg, false);
        this.deps.queueChanged?.();
        return ending;
      }
      this.calls.move(call, 'bridging');
      this.deps.queueChanged?.();
      const media = this.deps.media?.(agent);
      await recordIfAsked(this.campaign.recording, call, leg, media);
      const bridged = await bridgeToAgent((u, o) => this.deps.telephony.dial(u, o), leg, agent.sipUser, media);
      if (bridged.kind === 'bridged') return this.converse(call, leg, bridged, agent, this.now());
      if (bridged.kind === 'media_failed') {
        // Another agent would meet the same relay: the closing message, then release.
        this.deps.pool.set(agent.code, 'available', this.campaign.code);
        const ending = this.abandon(call, leg, false);
        this.deps.queueChanged?.();
        return ending;
      }
      if (bridged.kind === 'customer_gone') {
        this.deps.pool.set(agent.code, 'available', this.campaign.code);
        return this.finish(call, { outcome: 'abandoned', endedAt: gone?.endedAt ?? this.now() });
      }
      // The agent's phone did not pick up: that agent is paused, the caller goes back to the queue.
      this.pauseUnanswering(agent);
      this.calls.move(call, 'queued');
      this.deps.queueChanged?.();
    }
  }

  /** Callers waiting now and how long the first has waited (the live monitor of an inbound campaign). */
  queue(): { waiting: number; longestWaitSeconds: number } {
    return { waiting: this.calls.count('queued'), longestWaitSeconds: Math.round(this.deps.pool.longestInboundWait(this.campaign.code) / 1000) };
  }

  /** No agent in time: the recorded message (message-leg.ts), then release; the number rests 72 h (compliance/dnc.ts). */
  private async abandon(call: LiveCall, leg: AnsweredLeg, drop = true): Promise<void> {
    this.calls.move(call, 'message');
    if (drop) this.tally.dropped(call.startedAt);
    const { announce } = this.deps;
    const play = announce && (() => announce(leg, { phone: call.phone, callerId: this.settings.callerId }));
    const end = await messageLeg(leg, this.settings.messageSeconds * 1000, play, (err) => console.error(`Dialer: no abandoned-call message for ${call.phone}: ${err.message}`));
    this.finish(call, { outcome: 'abandoned', endedAt: end.endedAt });
  }

  /** Agent and customer talk; when either hangs up both legs are released and the agent wraps up. */
  private async converse(call: LiveCall, customer: AnsweredLeg, bridge: { agentLeg: AnsweredLeg; hold?: (on: boolean) => Promise<void> }, agent: Agent, connectedAt: number): Promise<void> {
    const code = this.campaign.code;
    const { agentLeg } = bridge;
    call.agent = agent;
    call.connectedAt = connectedAt;
    this.calls.move(call, 'talking');
    this.deps.pool.set(agent.code, 'on_call', code);
    this.agentLegs.set(agent.code, agentLeg);
    const hold = { set: bridge.hold, clock: new HoldClock(), busy: Promise.resolve() as Promise<unknown> };
    this.holds.set(agent.code, hold);
    const end = await Promise.race([customer.ended, agentLeg.ended]);
    this.agentLegs.delete(agent.code);
    this.holds.delete(agent.code);
    // A call that ends on hold (either side hangs up) counts its hold until then.
    hold.clock.resume(end.endedAt);
    call.holdSeconds = hold.clock.seconds(end.endedAt);
    await Promise.all([customer.hangup(), agentLeg.hangup()]);
    this.estimator.talkEnded((end.endedAt - connectedAt) / 1000);
    if (this.dropped.delete(agent.code) || this.deps.pool.get(agent.code)?.state !== 'on_call') return this.finish(call, { outcome: 'connected', endedAt: end.endedAt });
    this.calls.move(call, 'wrapup');
    this.deps.pool.set(agent.code, 'wrapup', code);
    const disposition = await this.wrapUp(agent.code);
    const wrapSeconds = (this.now() - end.endedAt) / 1000;
    this.estimator.wrapEnded(wrapSeconds);
    if (this.deps.pool.get(agent.code)?.state === 'wrapup') this.deps.pool.set(agent.code, 'available', code);
    this.finish(call, { outcome: 'connected', endedAt: end.endedAt, wrapSeconds, ...disposition });
  }

  /**
   * The agent puts its call on hold (`on`) or takes it off. 'no_call' when it is on none; 'unsupported' for a call
   * bridged without the media relay (the demo's robot phones). Requests of one call run one after the other.
   */
  async hold(agentCode: string, on: boolean): Promise<'held' | 'resumed' | 'no_call' | 'unsupported'> {
    const hold = this.holds.get(agentCode);
    if (!hold) return 'no_call';
    const set = hold.set;
    if (!set) return 'unsupported';
    const step = hold.busy.catch(() => {}).then(async () => {
      if (hold.clock.held === on || this.holds.get(agentCode) !== hold) return;
      await set(on);
      if (on) hold.clock.hold(this.now());
      else hold.clock.resume(this.now());
    });
    hold.busy = step;
    await step;
    return on ? 'held' : 'resumed';
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

  /** The call's record; what it teaches the hopper, the callbacks and the client's other campaigns. */
  private finish(call: LiveCall, end: Ending): void {
    // The catalogue's flags, or the built-in codes of campaigns without a catalogue.
    const optedOut = end.dnc === true || end.disposition === DO_NOT_CALL;
    const refused = !optedOut && (end.refusal === true || end.disposition === NOT_INTERESTED);
    this.calls.move(call, 'done');
    const { lead } = call;
    const facts: AttemptFacts = {
      id: call.id, campaign: this.campaign.code, direction: call.direction, phone: call.phone, contact: lead?.name,
      agent: call.agent?.code, startedAt: call.startedAt, answeredAt: call.direction === 'outbound' ? call.answeredAt : undefined,
      connectedAt: call.connectedAt, endedAt: end.endedAt, wrapSeconds: end.wrapSeconds, holdSeconds: call.holdSeconds, outcome: end.outcome, disposition: end.disposition,
    };
    withRecordingPath(call, (recordingPath) => this.deps.record(callRecord({ ...facts, recordingPath })));
    this.deps.share?.(call.phone, {
      attemptAt: call.direction === 'outbound' ? end.endedAt : undefined,
      abandonedAt: call.direction === 'outbound' && end.outcome === 'abandoned' ? end.endedAt : undefined,
      refusedAt: refused ? end.endedAt : undefined,
      optedOutAt: optedOut ? end.endedAt : undefined,
    });
    if (!lead) return;
    const remove = optedOut ? DO_NOT_CALL : refused ? NOT_INTERESTED : undefined;
    if (refused) lead.history = { ...lead.history, refusedAt: end.endedAt };
    if (optedOut) lead.history = { ...lead.history, optedOutAt: end.endedAt };
    if (remove) this.deps.removeContact(lead.phone, remove);
    const callbackAt = remove ? undefined : end.callbackAt;
    const callbackAgent = end.callbackPersonal === false ? undefined : call.agent?.code;
    if (callbackAt !== undefined) this.deps.callback({ phone: lead.phone, at: callbackAt, agent: callbackAgent });
    if (call.direction === 'inbound') {
      this.hopper.calledIn(lead.phone, end.endedAt, { reached: end.outcome === 'connected', callbackAt, agent: callbackAgent, remove });
      return;
    }
    if (lead.callback) this.deps.callbackDone(lead.phone);
    this.hopper.settle(lead.phone, end.outcome, end.endedAt, { callbackAt, agent: callbackAgent, remove });
  }

  /** The call an agent is talking on or wrapping up, with the contact's record when the campaign has it. */
  agentCall(agentCode: string): AgentCallView | undefined {
    const call = this.calls.find((c) => (c.state === 'talking' || c.state === 'wrapup') && c.agent?.code === agentCode);
    return call && {
      id: call.id, campaign: this.campaign.code, direction: call.direction, phone: call.phone, contact: call.lead?.name,
      fields: call.lead?.fields, calledBefore: (call.lead?.attempts ?? 0) > 0, attempts: call.lead?.attempts ?? 0, lastOutcome: call.lead?.lastOutcome,
      since: call.connectedAt ?? call.startedAt, phase: call.state === 'wrapup' ? 'wrapup' : 'talking',
      ...this.holdView(agentCode, call),
    };
  }

  /** Whether the call is on hold (since when) and its hold time so far; whether it can be held at all. */
  private holdView(agentCode: string, call: LiveCall): { canHold: boolean; heldSince: number | null; holdSeconds: number } {
    const hold = this.holds.get(agentCode);
    if (!hold) return { canHold: false, heldSince: null, holdSeconds: call.holdSeconds ?? 0 };
    return { canHold: hold.set !== undefined, heldSince: hold.clock.heldSince ?? null, holdSeconds: hold.clock.seconds(this.now()) };
  }

  /** Whether a callback at `at` suits the calling hours of the contact the agent is on (every zone of it). */
  callbackVerdict(agentCode: string, at: number): CallbackVerdict {
    const call = this.calls.find((c) => (c.state === 'talking' || c.state === 'wrapup') && c.agent?.code === agentCode);
    const zones = call?.lead?.timeZones.length ? call.lead.timeZones : [this.campaign.timeZone];
    return checkCallbackTime(at, zones, this.gate.profile().window);
  }

  /** The callbacks waiting in the campaign: the agent's own and those for anyone. */
  callbacksFor(agentCode: string): { phone: string; name: string; at: number; personal: boolean }[] {
    return this.hopper.callbacks()
      .filter((l) => !l.callback!.agent || l.callback!.agent === agentCode)
      .map((l) => ({ phone: l.phone, name: l.name, at: l.callback!.at, personal: l.callback!.agent === agentCode }))
      .sort((a, b) => a.at - b.at);
  }

  /** The agent's phone is gone (its desk closed mid-call): its leg is hung up, so the call ends and is recorded. */
  async dropAgent(agentCode: string): Promise<void> {
    // Nobody will set a disposition: no wrap-up for this call, and one in progress ends now.
    if (this.agentLegs.has(agentCode)) this.dropped.add(agentCode);
    this.wraps.get(agentCode)?.({});
    await this.agentLegs.get(agentCode)?.hangup();
  }

  /** What the manager's dialer panel shows. */
  snapshot() {
    const now = this.now();
    const code = this.campaign.code;
    const agents = { available: 0, ringing: 0, on_call: 0, wrapup: 0, paused: 0 };
    for (const state of Object.keys(agents) as (keyof typeof agents)[]) agents[state] = this.deps.pool.count(code, state);
    const active = agents.available + agents.ringing + agents.on_call + agents.wrapup;
    const lines = this.linesInUse();
    const { humanAnswered, dropped } = this.tally.totals(now);
    return {
      campaign: code, status: this.settings.status, mode: this.settings.mode, blocked: this.blocked,
      sipConnected: this.deps.telephony.isConnected, noDncList: this.deps.dnc() === null,
      linesInUse: lines, ringing: this.calls.count('ringing'), waitingForAgent: this.deps.pool.waiting(code, false),
      direction: this.campaign.direction, number: this.settings.callerId,
      inboundQueue: this.calls.count('queued'), longestWaitSeconds: this.queue().longestWaitSeconds,
      dialLevel: active ? lines / active : 0,
      abandonRate: humanAnswered ? dropped / humanAnswered : null, abandonPeriod: this.tally.period,
      abandonTarget: this.abandonTarget, humanAnswered, dropped,
      agents, leads: this.hopper.counts(now), rejections: Object.fromEntries(this.gate.rejections),
    };
  }
}
export type RunnerSnapshot = ReturnType<CampaignRunner['snapshot']>;
