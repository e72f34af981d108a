// Pure: how the portal's procedures share the engine between accounts. A few run at once (the engine already
// spreads one query over every core, so more in parallel only queue inside it), and one account never holds them
// all: a slot is always left for the others. The calls that wait are taken from the accounts in turn, not in
// arrival order. Three full batches of one manager's heaviest queries made another client's simplest query wait
// for all of them; now it starts at once beside the one heavy query running. An account with too many calls
// waiting is told to slow down rather than queued further.

export class TooManyWaiting extends Error {
  constructor(readonly waiting: number) {
    super(`Too many requests of this account are waiting (${waiting})`);
  }
}

interface Account {
  running: number;
  waiting: (() => void)[];
}

export class FairShare {
  private running = 0;
  /** Accounts with calls waiting, in the order they take turns. */
  private turns: string[] = [];
  private accounts = new Map<string, Account>();

  constructor(
    readonly slots: number,
    /** Calls of one account running at once: fewer than the slots, so that another account always finds one. */
    readonly perAccount: number,
    readonly maxWaitingPerAccount: number,
  ) {}

  /** Runs `work` for `account` when a slot is free and the account's turn has come. */
  async run<T>(account: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(account);
    try {
      return await work();
    } finally {
      this.release(account);
    }
  }

  /** Calls waiting, per account (for figures and tests). */
  waitingOf(account: string): number {
    return this.accounts.get(account)?.waiting.length ?? 0;
  }

  private acquire(name: string): Promise<void> {
    let account = this.accounts.get(name);
    if (!account) this.accounts.set(name, (account = { running: 0, waiting: [] }));
    if (account.waiting.length >= this.maxWaitingPerAccount) return Promise.reject(new TooManyWaiting(account.waiting.length));
    const waiting = account.waiting;
    const started = new Promise<void>((resolve) => waiting.push(resolve));
    if (waiting.length === 1) this.turns.push(name);
    this.pump();
    return started;
  }

  private release(name: string): void {
    const account = this.accounts.get(name)!;
    this.running--;
    account.running--;
    if (account.running === 0 && account.waiting.length === 0) this.accounts.delete(name);
    this.pump();
  }

  // Starts waiting calls while slots are free: the first account in turn that may run one more goes, then to the back.
  private pump(): void {
    while (this.running < this.slots) {
      const at = this.turns.findIndex((name) => this.accounts.get(name)!.running < this.perAccount);
      if (at === -1) return;
      const name = this.turns.splice(at, 1)[0]!;
      const account = this.accounts.get(name)!;
      const start = account.waiting.shift()!;
      if (account.waiting.length > 0) this.turns.push(name);
      account.running++;
      this.running++;
      start();
    }
  }
}
