// Pure: how many wrong passwords are answered before a sign-in must wait, per account and address together, per
// address, and per account from anywhere. The pair rule stops a guesser at once without touching the real user on
// another machine; the account rule (a distributed guess) slows every attempt on the account to one a minute, never
// a lock-out; the address rule stops one machine trying many accounts.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const PAIR_FAILURES = 5;
export const ADDRESS_FAILURES = 30;
export const ACCOUNT_FAILURES = 20;
export const ACCOUNT_SLOWDOWN_MS = 60_000;
/** Keys (pairs, addresses, accounts) remembered at most: a spray of made-up accounts cannot grow memory without end. */
export const MAX_TRACKED_KEYS = 100_000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before this attempt is answered, or 0 to go on. */
  waitSeconds(email: string, address: string | null): number {
    const now = this.now();
    const waits = [this.fullWait(`pair ${email} ${address ?? '?'}`, PAIR_FAILURES, now)];
    if (address) waits.push(this.fullWait(`address ${address}`, ADDRESS_FAILURES, now));
    const account = this.recent(`account ${email}`, now);
    if (account.length >= ACCOUNT_FAILURES) waits.push(account.at(-1)! + ACCOUNT_SLOWDOWN_MS - now);
    return Math.max(0, Math.ceil(Math.max(...waits) / 1000));
  }

  failed(email: string, address: string | null): void {
    const now = this.now();
    this.sweep(now);
    for (const key of [`pair ${email} ${address ?? '?'}`, `account ${email}`, ...(address ? [`address ${address}`] : [])]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  /** Keys remembered now (for tests and figures). */
  get trackedKeys(): number {
    return this.failures.size;
  }

  // Keys whose failures all left the window are forgotten once a window; past the cap, the oldest go first.
  private sweep(now: number): void {
    if (now - this.lastSweep >= SIGN_IN_WINDOW_MS) {
      this.lastSweep = now;
      for (const [key, times] of this.failures) if (times.at(-1)! <= now - SIGN_IN_WINDOW_MS) this.failures.delete(key);
    }
    // Room for the three keys a failure adds.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED_KEYS - 3) break;
      this.failures.delete(key);
    }
  }

  /** The right password from this address: its own failures are forgiven (not those seen from elsewhere). */
  succeeded(email: string, address: string | null): void {
    this.failures.delete(`pair ${email} ${address ?? '?'}`);
  }

  // Until the oldest of the last `limit` failures leaves the window.
  private fullWait(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= limit ? recent[recent.length - limit]! + SIGN_IN_WINDOW_MS - now : 0;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - SIGN_IN_WINDOW_MS);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
