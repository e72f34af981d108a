// The abandon-rate cap: dropped calls ÷ calls answered by a person, over the profile's period.
/** The regulatory cap on dropped ÷ answered by a person: 3 % in France, the UK (Ofcom) and the US (TSR). */
export const ABANDON_CAP = 0.03;

export type AbandonVerdict = { allowed: true } | { allowed: false; rule: 'abandon_rate_cap'; reason: string };

/**
 * Predictive dialing stops (the dialer falls back to progressive) once the period's rate has reached the
 * cap; the first answered calls of a period are not judged on a rate that one drop would swing.
 */
export function checkAbandonRate(answered: number, dropped: number, cap = ABANDON_CAP, minAnswered = 20): AbandonVerdict {
  if (answered < minAnswered) return { allowed: true };
  const rate = dropped / answered;
  if (rate >= cap) {
    return { allowed: false, rule: 'abandon_rate_cap', reason: `abandon rate ${(100 * rate).toFixed(2)} % has reached the ${(100 * cap).toFixed(1)} % cap` };
  }
  return { allowed: true };
}

/**
 * What predictive pacing aims under: the campaign's abandon target (one setting, the brief's, PRODUCT §4), never
 * above the regulatory cap; the cap itself when the campaign has no target.
 */
export function pacingAbandonTarget(target: number | null | undefined): number {
  return target === null || target === undefined ? ABANDON_CAP : Math.min(ABANDON_CAP, Math.max(0, target));
}

/** A no-answer may be declared only after this long: a shorter ring is a nuisance call. */
export const MIN_RING_SECONDS = 15;

export function ringTimeout(requestedSeconds: number): number {
  return Math.max(MIN_RING_SECONDS, requestedSeconds);
}
