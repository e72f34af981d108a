// Unit tests of the pacing decision on hand-built states.
import { describe, expect, it } from 'vitest';
import { acceptedDropRisk, callsToLaunch, DEFAULT_PACING_CONFIG, progressiveCallsToLaunch, type PacingState } from './policy';
import { mulberry32 } from './random';

const estimates = {
  answerProbability: 0.3,
  ringSeconds: { mean: 8, sd: 4 },
  talkSeconds: { mean: 180, sd: 120 },
  wrapSeconds: { mean: 10, sd: 3 },
};

function state(over: Partial<PacingState> = {}): PacingState {
  return {
    availableAgents: 0,
    wrapUp: [],
    onCall: [],
    ringing: [],
    waitingCalls: 0,
    estimates,
    today: { humanAnswered: 0, dropped: 0 },
    ...over,
  };
}

describe('progressiveCallsToLaunch', () => {
  it('is available agents minus calls ringing (and answered calls waiting), never negative', () => {
    expect(progressiveCallsToLaunch(state({ availableAgents: 5, ringing: [{ ringSeconds: 1 }, { ringSeconds: 3 }] }))).toBe(3);
    expect(progressiveCallsToLaunch(state({ availableAgents: 5 }))).toBe(5);
    expect(progressiveCallsToLaunch(state({ availableAgents: 1, ringing: [{ ringSeconds: 1 }, { ringSeconds: 2 }, { ringSeconds: 3 }] }))).toBe(0);
    expect(progressiveCallsToLaunch(state({ availableAgents: 2, waitingCalls: 1 }))).toBe(1);
  });
});

describe('callsToLaunch', () => {
  it('never launches when the budget is spent and no agent will be free within the horizon', () => {
    const busy = state({
      onCall: Array.from({ length: 10 }, () => ({ talkSeconds: 1 })),
      today: { humanAnswered: 100, dropped: 10 },
    });
    expect(callsToLaunch(busy)).toBe(0);
  });

  it('still launches nothing for busy agents with the budget intact: a call now could only be dropped', () => {
    const busy = state({ onCall: Array.from({ length: 10 }, () => ({ talkSeconds: 1 })), today: { humanAnswered: 1000, dropped: 0 } });
    expect(callsToLaunch(busy)).toBe(0);
  });

  it('launches more than one call per available agent when few calls are answered', () => {
    const s = state({ availableAgents: 5, estimates: { ...estimates, answerProbability: 0.1 }, today: { humanAnswered: 1000, dropped: 10 } });
    const n = callsToLaunch(s);
    expect(n).toBeGreaterThanOrEqual(5);
    // With one answer in ten, five calls would leave most of the five agents idle.
    expect(n).toBeGreaterThan(15);
  });

  it('keeps the progressive floor even with the budget overspent', () => {
    const s = state({ availableAgents: 4, today: { humanAnswered: 100, dropped: 20 } });
    expect(callsToLaunch(s)).toBe(4);
  });

  it('dials ahead for agents about to leave wrap-up', () => {
    const wrapping = state({ wrapUp: Array.from({ length: 6 }, () => ({ elapsedSeconds: 9 })), today: { humanAnswered: 1000, dropped: 10 } });
    expect(callsToLaunch(wrapping)).toBeGreaterThan(0);
    const known = state({ wrapUp: [{ elapsedSeconds: 0, remainingSeconds: 3 }], estimates: { ...estimates, answerProbability: 0.1 }, today: { humanAnswered: 1000, dropped: 10 } });
    expect(callsToLaunch(known)).toBeGreaterThan(0);
  });

  it('counts calls already ringing: the more ringing, the fewer new calls', () => {
    const base = { availableAgents: 10, today: { humanAnswered: 1000, dropped: 20 } };
    const none = callsToLaunch(state(base));
    const some = callsToLaunch(state({ ...base, ringing: Array.from({ length: 15 }, () => ({ ringSeconds: 2 })) }));
    expect(some).toBeLessThan(none);
  });

  it('launches at least as many calls with more budget left, and accepts more risk', () => {
    const s = (dropped: number) => state({ availableAgents: 3, wrapUp: [{ elapsedSeconds: 8 }], onCall: [{ talkSeconds: 300 }], today: { humanAnswered: 1000, dropped } });
    expect(acceptedDropRisk(s(0), DEFAULT_PACING_CONFIG)).toBeGreaterThan(acceptedDropRisk(s(30), DEFAULT_PACING_CONFIG));
    expect(callsToLaunch(s(0))).toBeGreaterThanOrEqual(callsToLaunch(s(30)));
  });

  it('is never negative nor fractional, whatever the state', () => {
    const rng = mulberry32(7);
    const int = (n: number) => Math.floor(rng() * n);
    for (let i = 0; i < 300; i++) {
      const s = state({
        availableAgents: int(20),
        waitingCalls: int(5),
        wrapUp: Array.from({ length: int(10) }, () => (rng() < 0.5 ? { elapsedSeconds: rng() * 30 } : { elapsedSeconds: 1, remainingSeconds: rng() * 10 })),
        onCall: Array.from({ length: int(30) }, () => ({ talkSeconds: rng() * 900 })),
        ringing: Array.from({ length: int(40) }, () => ({ ringSeconds: rng() * 25 })),
        estimates: { ...estimates, answerProbability: rng() },
        today: { humanAnswered: int(2000), dropped: int(80) },
      });
      const n = callsToLaunch(s);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeGreaterThanOrEqual(progressiveCallsToLaunch(s));
    }
  });
});
