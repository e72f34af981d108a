// Pure: at most `limit` requests per address in a sliding window, for public routes a stranger may call without a
// session (the survey answer). The address is the one server/main.ts sets (client-address.ts), so a client cannot
// pick a new one per request. Memory is bounded: past `maxKeys` addresses the oldest are forgotten first.
export interface AddressLimits {
  limit: number;
  windowMs: number;
  maxKeys: number;
}

export class AddressLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limits: AddressLimits, private readonly now: () => number = Date.now) {}

  /** Counts this request: 0 when it may go on, else the seconds until the address may try again (not counted). */
  take(address: string): number {
    const now = this.now();
    const recent = (this.hits.get(address) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (recent.length >= this.limits.limit) {
      this.hits.set(address, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.limits.windowMs - now) / 1000));
    }
    this.hits.delete(address); // re-inserted last: the map's order is the addresses' last activity
    this.hits.set(address, [...recent, now]);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.limits.maxKeys) break;
      this.hits.delete(key);
    }
    return 0;
  }

  get trackedAddresses(): number {
    return this.hits.size;
  }
}
