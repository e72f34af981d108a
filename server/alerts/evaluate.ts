// Pure: one rule's state moved on by one reading of its KPI. No I/O and no clock of its own: the evaluator
// (evaluator.ts) reads the value and the time and stores what this decides.
//
//   ok ──breach──▶ pending ──breach lasted duration──▶ open ──back within threshold for duration──▶ cleared (ok)
//        (duration 0: straight to open)    │                 ▲   │
//                                          └─back─▶ ok       └───┘ breach again while recovering: stays the same alert
//
// The breach must be continuous: a value back within the threshold while pending starts the count again (a
// flapping KPI never opens a 15-minute alert). Symmetrically an open alert clears only once the value has stayed
// back for the rule's duration, so a KPI flapping around its threshold keeps one alert open rather than opening
// a new one at each crossing. A duration of 0 opens and clears at once.
import { breaches, isWorse, type RuleCondition } from './kpis';

export type RuleState =
  | { phase: 'ok' }
  | { phase: 'pending'; since: number }
  | {
      phase: 'open';
      /** When the breach began (the banner's "for 15 min"), when the alert opened, its value then and its worst. */
      since: number;
      openedAt: number;
      value: number;
      worst: number;
      worstAt: number;
      /** When the value came back within the threshold, while it stays there; null while breaching. */
      recoveringSince: number | null;
    };

export type Transition =
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'reset' }
  | { kind: 'open' }
  | { kind: 'worse' }
  | { kind: 'recovering' }
  | { kind: 'relapse' }
  | { kind: 'clear'; at: number };

export interface Step {
  state: RuleState;
  transition: Transition;
  /** When this rule must be looked at again even if nothing happens (a duration running out); null: no need. */
  nextCheckAt: number | null;
}

export const OK: RuleState = { phase: 'ok' };

const MINUTE = 60_000;

export function step(rule: Pick<RuleCondition, 'comparison' | 'threshold' | 'duration_minutes'>, state: RuleState, value: number | null, now: number): Step {
  const duration = Math.max(0, rule.duration_minutes) * MINUTE;
  const breach = breaches(rule, value);
  switch (state.phase) {
    case 'ok': {
      if (!breach) return { state, transition: { kind: 'none' }, nextCheckAt: null };
      if (duration === 0) return opened(now, now, value!);
      return { state: { phase: 'pending', since: now }, transition: { kind: 'pending' }, nextCheckAt: now + duration };
    }
    case 'pending': {
      if (!breach) return { state: OK, transition: { kind: 'reset' }, nextCheckAt: null };
      if (now - state.since >= duration) return opened(state.since, now, value!);
      return { state, transition: { kind: 'none' }, nextCheckAt: state.since + duration };
    }
    case 'open': {
      if (breach) {
        const worse = isWorse(rule, state.worst, value!);
        const next = { ...state, recoveringSince: null, ...(worse ? { worst: value!, worstAt: now } : {}) };
        const transition: Transition = worse ? { kind: 'worse' } : state.recoveringSince !== null ? { kind: 'relapse' } : { kind: 'none' };
        return { state: next, transition, nextCheckAt: null };
      }
      const recoveringSince = state.recoveringSince ?? now;
      if (now - recoveringSince >= duration) return { state: OK, transition: { kind: 'clear', at: now }, nextCheckAt: null };
      return {
        state: { ...state, recoveringSince },
        transition: state.recoveringSince === null ? { kind: 'recovering' } : { kind: 'none' },
        nextCheckAt: recoveringSince + duration,
      };
    }
  }
}

function opened(since: number, now: number, value: number): Step {
  return {
    state: { phase: 'open', since, openedAt: now, value, worst: value, worstAt: now, recoveringSince: null },
    transition: { kind: 'open' },
    nextCheckAt: null,
  };
}
