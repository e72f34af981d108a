// Do-not-call screening (Bloctel-style list), opt-outs, refusals and the pause after an abandoned call.
export interface DncList {
  numbers: ReadonlySet<string>;
  /** When the list was downloaded: an old list no longer protects anyone. */
  listDate: number;
}

export const DNC_MAX_AGE_DAYS = 31;
export const REFUSAL_COOLDOWN_DAYS = 60;
export const ABANDON_COOLDOWN_HOURS = 72;

const DAY = 86_400_000;

export type DncRule = 'dnc_list_stale' | 'dnc' | 'opt_out' | 'refusal_cooldown' | 'abandon_cooldown';
export type DncVerdict = { allowed: true } | { allowed: false; rule: DncRule; reason: string; retryAt?: number };

/** A list older than `maxAgeDays` no longer protects anyone: it blocks the whole campaign. */
export function checkDncListAge(now: number, listDate: number, maxAgeDays = DNC_MAX_AGE_DAYS): DncVerdict {
  const ageDays = (now - listDate) / DAY;
  if (ageDays <= maxAgeDays) return { allowed: true };
  return { allowed: false, rule: 'dnc_list_stale', reason: `the do-not-call list is ${Math.floor(ageDays)} days old (max ${maxAgeDays}); upload a new one` };
}

/** A stale list fails the check for every number, listed or not. */
export function checkDncList(now: number, list: DncList, phone: string, maxAgeDays = DNC_MAX_AGE_DAYS): DncVerdict {
  const age = checkDncListAge(now, list.listDate, maxAgeDays);
  if (!age.allowed) return age;
  if (list.numbers.has(phone)) return { allowed: false, rule: 'dnc', reason: 'the number is on the do-not-call list' };
  return { allowed: true };
}

export interface ContactHistory {
  optedOutAt?: number;
  refusedAt?: number;
  lastAbandonedAt?: number;
}

export function checkContactHistory(now: number, h: ContactHistory, abandonCooldownHours = ABANDON_COOLDOWN_HOURS): DncVerdict {
  if (h.optedOutAt !== undefined) return { allowed: false, rule: 'opt_out', reason: 'the contact asked not to be called again' };
  if (h.refusedAt !== undefined && now < h.refusedAt + REFUSAL_COOLDOWN_DAYS * DAY) {
    return { allowed: false, rule: 'refusal_cooldown', reason: `the contact refused less than ${REFUSAL_COOLDOWN_DAYS} days ago`, retryAt: h.refusedAt + REFUSAL_COOLDOWN_DAYS * DAY };
  }
  const abandonUntil = (h.lastAbandonedAt ?? -Infinity) + abandonCooldownHours * 3_600_000;
  if (now < abandonUntil) return { allowed: false, rule: 'abandon_cooldown', reason: `an abandoned call less than ${abandonCooldownHours} h ago`, retryAt: abandonUntil };
  return { allowed: true };
}
