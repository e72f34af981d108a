// When a lead is tried again after an attempt, by outcome (pure). Compliance (attempt caps, the 72 h after an
// abandoned call, calling hours) is checked again at dial time whatever these rules say.
import { OUTCOMES, type Outcome } from '@/clickhouse/vocabulary';

/** The outcomes of an attempt actually placed (a compliance refusal places none). */
export type AttemptOutcome = Exclude<Outcome, 'rejected_compliance'>;
export const ATTEMPT_OUTCOMES = OUTCOMES.filter((o): o is AttemptOutcome => o !== 'rejected_compliance');
/** Outcomes after which an exhausted lead may be tried again, some days later: nobody was reached. */
export const RECYCLABLE_OUTCOMES = ['no_answer', 'busy', 'voicemail', 'failed'] as const satisfies readonly AttemptOutcome[];

export interface RetryRules {
  /** Minutes before the next attempt, by outcome; null: the lead is finished. */
  delayMinutes: Record<AttemptOutcome, number | null>;
  /** Attempts by this campaign after which the lead is exhausted. */
  maxAttempts: number;
  /** Exhausted leads whose last outcome is one of these come back after `recycleAfterDays`, once. */
  recycleOutcomes: (typeof RECYCLABLE_OUTCOMES)[number][];
  recycleAfterDays: number | null;
}

export const DEFAULT_RETRY_RULES: RetryRules = {
  delayMinutes: { busy: 10, no_answer: 120, failed: 10, voicemail: 240, abandoned: 72 * 60, connected: null },
  maxAttempts: 4,
  recycleOutcomes: ['no_answer', 'busy', 'voicemail'],
  recycleAfterDays: 7,
};

export type NextStep = { kind: 'retry'; at: number } | { kind: 'done'; reason: 'reached' | 'exhausted' };

/**
 * After an attempt ending with `outcome` at `at`, given the lead's attempts by this campaign (this one included).
 * Depends on the count only, so the hopper's state can be rebuilt from the call records after a restart: a
 * first round of `maxAttempts`, then, for recyclable outcomes, one more round `recycleAfterDays` later.
 */
export function nextStep(outcome: AttemptOutcome, at: number, attemptsSoFar: number, rules: RetryRules = DEFAULT_RETRY_RULES): NextStep {
  const delay = rules.delayMinutes[outcome];
  if (delay === null) return { kind: 'done', reason: 'reached' };
  const retry = { kind: 'retry', at: at + delay * 60_000 } as const;
  if (attemptsSoFar < rules.maxAttempts) return retry;
  const recyclable = rules.recycleAfterDays !== null && (rules.recycleOutcomes as readonly AttemptOutcome[]).includes(outcome);
  if (!recyclable) return { kind: 'done', reason: 'exhausted' };
  if (attemptsSoFar === rules.maxAttempts) return { kind: 'retry', at: at + rules.recycleAfterDays! * 86_400_000 };
  return attemptsSoFar < 2 * rules.maxAttempts ? retry : { kind: 'done', reason: 'exhausted' };
}
