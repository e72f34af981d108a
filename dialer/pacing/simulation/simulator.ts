// Discrete-event simulation of one outbound shift under any pacing policy: occupancy, abandon rate, throughput.
import { EventQueue } from './event-queue';
import { CustomerTrace, type Customer, type TraceParams } from './trace';

export interface Scenario extends TraceParams {
  agents: number;
  shiftSeconds: number;
  /** An answered call with no agent within this many seconds is dropped (abandoned). */
  dropGraceSeconds: number;
}

export type SimObservation =
  | { kind: 'launched'; time: number; count: number }
  | { kind: 'resolved'; time: number; answered: boolean; ringSeconds: number }
  | { kind: 'dropped'; time: number }
  | { kind: 'talkEnded'; time: number; seconds: number }
  | { kind: 'wrapEnded'; time: number; seconds: number };

/** What a policy may look at when deciding; the oracle is for the clairvoyant bound only. */
export interface SimView {
  readonly now: number;
  readonly shiftSeconds: number;
  readonly agents: number;
  readonly availableAgents: number;
  readonly wrapUpCount: number;
  readonly onCallCount: number;
  readonly ringingCount: number;
  readonly waitingCalls: number;
  readonly launched: number;
  readonly humanAnswered: number;
  readonly dropped: number;
  wrapUp(): { elapsedSeconds: number }[];
  onCall(): { talkSeconds: number }[];
  ringing(): { ringSeconds: number }[];
  /** Knowledge of the future, for the clairvoyant bound only. */
  readonly oracle: Oracle;
}

export interface Oracle {
  /** The customer the (launched + offset)-th call will reach. */
  peekCustomer(offset: number): Customer;
  /** When each agent is (idle: was) free: idle agents give the time they became free. */
  agentFreeTimes(): number[];
  /** Calls ringing that a person will answer, and calls already answered and waiting: answer time and handling. */
  pendingAnswers(): { answerAt: number; talkSeconds: number; wrapSeconds: number }[];
}

export interface SimDecision {
  launch: number;
  /** Ask to be consulted again at this time (besides ticks and, if reactive, events). */
  wakeAt?: number;
}

export interface SimPolicy {
  readonly name: string;
  /** Seconds between scheduled decisions. */
  readonly tickSeconds: number;
  /** Also decide right after every event (an answer, an agent freeing, a drop, ...). */
  readonly reactive: boolean;
  decide(view: SimView): number | SimDecision;
  observe?(event: SimObservation): void;
}

export interface SimResult {
  policy: string;
  agents: number;
  answer_rate: number;
  /** (talk + wrap) ÷ logged-in time, summed over agents. */
  occupancy: number;
  /** Dropped ÷ answered by a person. */
  abandon_rate: number;
  /** Calls connected to an agent per logged-in agent-hour. */
  calls_per_agent_hour: number;
  /** Idle seconds per connected call: the mean wait between calls. */
  mean_wait_seconds: number;
  dials: number;
  human_answered: number;
  dropped: number;
  connected: number;
}

const AVAILABLE = 0;
const TALKING = 1;
const WRAPPING = 2;

type Ev =
  | { type: 'resolve'; call: number; customer: Customer }
  | { type: 'deadline'; waiting: Waiting }
  | { type: 'talkEnd'; agent: number }
  | { type: 'wrapEnd'; agent: number }
  | { type: 'tick' }
  | { type: 'wake' };

interface Waiting {
  customer: Customer;
  answeredAt: number;
  done: boolean;
}

export const DEFAULT_SCENARIO: Omit<Scenario, 'agents' | 'answerRate' | 'seed'> = {
  shiftSeconds: 4 * 3600,
  dropGraceSeconds: 2,
  ringSeconds: { mean: 8, sd: 4 },
  ringTimeoutSeconds: 20,
  talkSeconds: { mean: 180, sd: 120 },
  wrapSeconds: { mean: 10, sd: 3 },
};

export function simulate(scenario: Scenario, policy: SimPolicy, trace = new CustomerTrace(scenario)): SimResult {
  const n = scenario.agents;
  const end = scenario.shiftSeconds;
  const grace = scenario.dropGraceSeconds;
  const queue = new EventQueue<Ev>();

  const state = new Int8Array(n);
  const since = new Float64Array(n);
  const customerOf: (Customer | undefined)[] = new Array(n);
  // Idle agents in the order they became free: the longest-waiting agent takes the next call.
  const idle: number[] = [];
  let idleHead = 0;
  for (let a = 0; a < n; a++) idle.push(a);

  const ringing = new Map<number, { at: number; customer: Customer }>();
  const waiting: Waiting[] = [];
  let waitingHead = 0;
  let waitingCount = 0;

  let now = 0;
  let launched = 0;
  let humanAnswered = 0;
  let dropped = 0;
  let connected = 0;
  let talkTotal = 0;
  let wrapTotal = 0;
  let idleTotal = 0;
  let wrapUpCount = 0;
  let onCallCount = 0;

  const observe = (e: SimObservation) => policy.observe?.(e);

  const connect = (agent: number, customer: Customer) => {
    state[agent] = TALKING;
    since[agent] = now;
    customerOf[agent] = customer;
    onCallCount++;
    connected++;
    queue.push(now + customer.talkSeconds, { type: 'talkEnd', agent });
  };

  const nextWaiting = (): Waiting | undefined => {
    while (waitingHead < waiting.length) {
      const w = waiting[waitingHead++]!;
      if (!w.done) return w;
    }
    return undefined;
  };

  const view: SimView = {
    get now() { return now; },
    shiftSeconds: end,
    agents: n,
    get availableAgents() { return idle.length - idleHead; },
    get wrapUpCount() { return wrapUpCount; },
    get onCallCount() { return onCallCount; },
    get ringingCount() { return ringing.size; },
    get waitingCalls() { return waitingCount; },
    get launched() { return launched; },
    get humanAnswered() { return humanAnswered; },
    get dropped() { return dropped; },
    wrapUp() {
      const out: { elapsedSeconds: number }[] = [];
      for (let a = 0; a < n; a++) if (state[a] === WRAPPING) out.push({ elapsedSeconds: now - since[a]! });
      return out;
    },
    onCall() {
      const out: { talkSeconds: number }[] = [];
      for (let a = 0; a < n; a++) if (state[a] === TALKING) out.push({ talkSeconds: now - since[a]! });
      return out;
    },
    ringing() {
      const out: { ringSeconds: number }[] = [];
      for (const r of ringing.values()) out.push({ ringSeconds: now - r.at });
      return out;
    },
    oracle: {
      peekCustomer(offset) { return trace.get(launched + offset); },
      agentFreeTimes() {
        const out: number[] = [];
        for (let a = 0; a < n; a++) {
          const c = customerOf[a];
          if (state[a] === TALKING) out.push(since[a]! + c!.talkSeconds + c!.wrapSeconds);
          else if (state[a] === WRAPPING) out.push(since[a]! + c!.wrapSeconds);
          else out.push(since[a]!);
        }
        return out;
      },
      pendingAnswers() {
        const out: { answerAt: number; talkSeconds: number; wrapSeconds: number }[] = [];
        for (let i = waitingHead; i < waiting.length; i++) {
          const w = waiting[i]!;
          if (!w.done) out.push({ answerAt: w.answeredAt, talkSeconds: w.customer.talkSeconds, wrapSeconds: w.customer.wrapSeconds });
        }
        for (const r of ringing.values()) {
          const c = r.customer;
          if (c.answered) out.push({ answerAt: r.at + c.ringSeconds, talkSeconds: c.talkSeconds, wrapSeconds: c.wrapSeconds });
        }
        return out.sort((x, y) => x.answerAt - y.answerAt);
      },
    },
  };

  let pendingWake = Infinity;
  const decide = () => {
    if (now >= end) return;
    const d = policy.decide(view);
    const { launch, wakeAt } = typeof d === 'number' ? { launch: d, wakeAt: undefined } : d;
    const count = Math.max(0, Math.floor(launch));
    for (let i = 0; i < count; i++) {
      const customer = trace.get(launched);
      const id = launched++;
      ringing.set(id, { at: now, customer });
      queue.push(now + customer.ringSeconds, { type: 'resolve', call: id, customer });
    }
    if (count) observe({ kind: 'launched', time: now, count });
    if (wakeAt !== undefined && wakeAt > now && wakeAt < pendingWake && wakeAt < end) {
      pendingWake = wakeAt;
      queue.push(wakeAt, { type: 'wake' });
    }
  };

  queue.push(0, { type: 'tick' });
  for (;;) {
    const ev = queue.pop();
    if (!ev || ev.time >= end) break;
    now = ev.time;
    const e = ev.data;
    switch (e.type) {
      case 'tick':
        queue.push(now + policy.tickSeconds, { type: 'tick' });
        decide();
        continue;
      case 'wake':
        if (now >= pendingWake) pendingWake = Infinity;
        decide();
        continue;
      case 'resolve': {
        ringing.delete(e.call);
        const c = e.customer;
        observe({ kind: 'resolved', time: now, answered: c.answered, ringSeconds: c.ringSeconds });
        if (c.answered) {
          humanAnswered++;
          if (idleHead < idle.length) {
            const agent = idle[idleHead++]!;
            idleTotal += now - since[agent]!;
            connect(agent, c);
          } else {
            const w: Waiting = { customer: c, answeredAt: now, done: false };
            waiting.push(w);
            waitingCount++;
            queue.push(now + grace, { type: 'deadline', waiting: w });
          }
        }
        break;
      }
      case 'deadline':
        if (!e.waiting.done) {
          e.waiting.done = true;
          waitingCount--;
          dropped++;
          observe({ kind: 'dropped', time: now });
        }
        break;
      case 'talkEnd': {
        const a = e.agent;
        const c = customerOf[a]!;
        talkTotal += now - since[a]!;
        observe({ kind: 'talkEnded', time: now, seconds: now - since[a]! });
        state[a] = WRAPPING;
        since[a] = now;
        onCallCount--;
        wrapUpCount++;
        queue.push(now + c.wrapSeconds, { type: 'wrapEnd', agent: a });
        break;
      }
      case 'wrapEnd': {
        const a = e.agent;
        wrapTotal += now - since[a]!;
        observe({ kind: 'wrapEnded', time: now, seconds: now - since[a]! });
        wrapUpCount--;
        const w = nextWaiting();
        if (w) {
          w.done = true;
          waitingCount--;
          connect(a, w.customer);
        } else {
          state[a] = AVAILABLE;
          since[a] = now;
          customerOf[a] = undefined;
          idle.push(a);
        }
        break;
      }
    }
    if (policy.reactive) decide();
    // Keep the idle deque from growing without bound.
    if (idleHead > 4096) { idle.splice(0, idleHead); idleHead = 0; }
    if (waitingHead > 4096) { waiting.splice(0, waitingHead); waitingHead = 0; }
  }

  // Close the books at the end of the shift: time already spent in each state counts.
  now = end;
  for (let a = 0; a < n; a++) {
    const spent = end - since[a]!;
    if (state[a] === TALKING) talkTotal += spent;
    else if (state[a] === WRAPPING) wrapTotal += spent;
  }
  for (let i = idleHead; i < idle.length; i++) idleTotal += end - since[idle[i]!]!;

  const loggedIn = n * end;
  return {
    policy: policy.name,
    agents: n,
    answer_rate: scenario.answerRate,
    occupancy: (talkTotal + wrapTotal) / loggedIn,
    abandon_rate: humanAnswered ? dropped / humanAnswered : 0,
    calls_per_agent_hour: connected / (loggedIn / 3600),
    mean_wait_seconds: connected ? idleTotal / connected : end,
    dials: launched,
    human_answered: humanAnswered,
    dropped,
    connected,
  };
}
