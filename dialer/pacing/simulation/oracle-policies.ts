// Ours given knowledge no dialer has, one kind at a time: `bench:pacing --oracles` uses them to find out which
// missing knowledge keeps small teams below the clairvoyant bound (README.md, "Small teams").
import type { SimPolicy, SimView } from './simulator';
import type { Customer } from './trace';
import { oursPolicy, type OursOptions } from './sim-policies';

/**
 * Ours told every busy agent's exact free time (talk and wrap of the call in hand), still blind to the customers:
 * if better agent forecasts (wrap-up timers, talk-time models) could close the gap, this would.
 */
export function oursKnowingAgentsPolicy(options: OursOptions = {}): SimPolicy {
  return oursPolicy({
    ...options,
    name: 'ours+agent-oracle',
    see: (state, view) => {
      const now = view.now;
      // Busy agents as wrap-ups with a known remainder, which the forecast takes as exact.
      const wrapUp = view.oracle.agentFreeTimes().filter((t) => t > now).map((t) => ({ elapsedSeconds: 0, remainingSeconds: t - now }));
      return { ...state, wrapUp, onCall: [] };
    },
  });
}

/** Past this many customers in a row without an answer the trace is treated as answering nobody. */
const MAX_SKIP = 100_000;

/**
 * Ours told which customers will answer (not when): it dials, in list order, just enough of the list to reach
 * the n answering customers it decided on, and sees only those among its ringing calls, with an answer rate of 1.
 * What it still faces is the ring-time spread and the agents' uncertain free times.
 */
export function oursKnowingAnswersPolicy(options: OursOptions = {}): SimPolicy {
  const inFlight: { launchedAt: number; answerAt: number }[] = [];
  return oursPolicy({
    ...options,
    name: 'ours+answer-oracle',
    see: (state, view) => {
      for (let i = inFlight.length - 1; i >= 0; i--) if (inFlight[i]!.answerAt <= view.now) inFlight.splice(i, 1);
      return {
        ...state,
        ringing: inFlight.map((c) => ({ ringSeconds: view.now - c.launchedAt })),
        estimates: { ...state.estimates, answerProbability: 1 },
      };
    },
    dial: (count: number, view: SimView) => {
      let offset = 0;
      for (let got = 0; got < count && offset < MAX_SKIP; offset++) {
        const c: Customer = view.oracle.peekCustomer(offset);
        if (!c.answered) continue;
        got++;
        inFlight.push({ launchedAt: view.now, answerAt: view.now + c.ringSeconds });
      }
      return offset;
    },
  });
}
