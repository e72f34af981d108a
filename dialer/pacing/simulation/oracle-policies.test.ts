// The oracle variants of ours: what each is shown, and that only knowing who answers closes the small-team gap.
import { describe, expect, it } from 'vitest';
import { oursKnowingAgentsPolicy, oursKnowingAnswersPolicy } from './oracle-policies';
import { oursPolicy } from './sim-policies';
import { DEFAULT_SCENARIO, simulate, type Oracle, type Scenario, type SimView } from './simulator';
import { CustomerTrace, type Customer } from './trace';

const slow = { timeout: 60_000 };
const customer = (answered: boolean): Customer => ({ answered, ringSeconds: answered ? 6 : 20, talkSeconds: 100, wrapSeconds: 10 });

function view(over: Partial<SimView>, customers: Customer[], freeTimes: number[] = []): SimView {
  const oracle: Oracle = {
    peekCustomer: (offset) => customers[offset] ?? customer(false),
    agentFreeTimes: () => freeTimes,
    pendingAnswers: () => [],
  };
  return {
    now: 100, shiftSeconds: 3600, agents: 2, availableAgents: 0, wrapUpCount: 0, onCallCount: 0, ringingCount: 0, waitingCalls: 0,
    launched: 0, humanAnswered: 0, dropped: 0, wrapUp: () => [], onCall: () => [], ringing: () => [], oracle, ...over,
  };
}

describe('oursKnowingAnswersPolicy', () => {
  it('dials down the list until it has reached the answering customers it decided on', () => {
    const list = [false, true, false, false, true, true].map(customer);
    // Two idle agents and nothing ringing: two answering customers, so the list up to the second of them.
    const d = oursKnowingAnswersPolicy().decide(view({ availableAgents: 2 }, list));
    expect(d).toBe(5);
  });

  it('sees its own answering calls as ringing, so it does not dial again for the same agents', () => {
    const policy = oursKnowingAnswersPolicy();
    const list = [true, true, true, true].map(customer);
    expect(policy.decide(view({ availableAgents: 2 }, list))).toBe(2);
    // A second later the two calls (6-s ring) still ring: the floor is met and no agent frees, so nothing more.
    expect(policy.decide(view({ now: 101, availableAgents: 2, ringingCount: 2, launched: 2, ringing: () => [{ ringSeconds: 1 }, { ringSeconds: 1 }] }, list))).toBe(0);
  });
});

describe('oursKnowingAgentsPolicy', () => {
  it('dials ahead for an agent it knows frees in 4 s, where ours sees an ordinary call', () => {
    const busy = { onCallCount: 1, onCall: () => [{ talkSeconds: 30 }], humanAnswered: 1000, dropped: 10 };
    const list = Array.from({ length: 50 }, () => customer(false));
    expect(oursPolicy().decide(view({ ...busy, agents: 1 }, list))).toBe(0);
    expect(oursKnowingAgentsPolicy().decide(view({ ...busy, agents: 1 }, list, [104]))).toBeGreaterThan(0);
  });
});

describe('the small-team study', () => {
  it('knowing who answers lifts a 10-agent day far above ours; knowing the agents does not', slow, () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, agents: 10, answerRate: 0.15, seed: 21, shiftSeconds: 2 * 3600 };
    const trace = new CustomerTrace(s);
    const ours = simulate(s, oursPolicy(), trace);
    const agents = simulate(s, oursKnowingAgentsPolicy(), trace);
    const answers = simulate(s, oursKnowingAnswersPolicy(), trace);
    expect(answers.occupancy).toBeGreaterThan(ours.occupancy + 0.05);
    expect(Math.abs(agents.occupancy - ours.occupancy)).toBeLessThan(0.03);
  });
});
