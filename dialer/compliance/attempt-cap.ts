// At most N calls or attempts per number per rolling 30 days per professional (Code de la consommation L223-1 ff.).
export interface AttemptCap {
  max: number;
  windowDays: number;
}

export const FRENCH_ATTEMPT_CAP: AttemptCap = { max: 4, windowDays: 30 };

export type CapVerdict = { allowed: true } | { allowed: false; rule: 'attempt_cap'; reason: string; retryAt: number };

/** `previous`: instants of earlier attempts on this number by the organization, for this client, any campaign. */
export function checkAttemptCap(now: number, previous: number[], cap: AttemptCap = FRENCH_ATTEMPT_CAP): CapVerdict {
  const windowMs = cap.windowDays * 86_400_000;
  const recent = previous.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < cap.max) return { allowed: true };
  // The window frees a slot when its oldest counted attempt leaves it.
  const retryAt = recent[recent.length - cap.max]! + windowMs;
  return { allowed: false, rule: 'attempt_cap', reason: `${recent.length} attempts on this number in the last ${cap.windowDays} days (max ${cap.max})`, retryAt };
}
