// Pure: how the portal's procedures share the engine between accounts. A few run at once (the engine already
// spreads one query over every core, so more in parallel only queue inside it); the others wait, and the next
// to run is taken from the accounts in turn, not in arrival order. Three full batches of one manager's heaviest
// queries made another client's simplest query wait for all of them; now it waits for the calls already
// running at most. An account with too many calls waiting is told to slow down rather than queued further.

export class TooManyWaiting extends Error {
  constructor(readonly waiting: number) {
    super(`Too many requests of this account are waiting (${waiting})`);
  }
}

interface Account {
  waiting: (() => void)[];
}

export class FairShare {
  private running = 0;
  /** Accounts with calls waiting, in the order they take turns. */
  private turns: string[] = [];
  private accounts = new Map<string, Account>();

  constructor(
    readonly slots: number,
    readonly maxWaitingPerAccount: number,
  ) {}

  /** Runs `work` for `account` when a slot is free and the account's turn has come. */
  async run<T>(account: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(account);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Calls waiting, per account (for figures and tests). */
  waitingOf(account: string): number {
    return this.accounts.get(account)?.waiting.length ?? 0;
  }

  private acquire(account: string): Promise<void> {
    if (this.running < this.slots && this.turns.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    let entry = this.accounts.get(account);
    if (!entry) {
      entry = { waiting: [] };
      this.accounts.set(account, entry);
      this.turns.push(account);
    }
    if (entry.waiting.length >= this.maxWaitingPerAccount) return Promise.reject(new TooManyWaiting(entry.waiting.length));
    const queue = entry.waiting;
    return new Promise((resolve) => queue.push(resolve));
  }

  private release(): void {
    const account = this.turns.shift();
    if (account === undefined) {
      this.running--;
      return;
    }
    // The slot passes to the next account in turn; it goes to the back of the line if it has more waiting.
    const entry = this.accounts.get(account)!;
    const next = entry.waiting.shift()!;
    if (entry.waiting.length > 0) this.turns.push(account);
    else this.accounts.delete(account);
    next();
  }
}
