// How long a call was on hold: the spells between hold and resume, and the one running when the call ends. Pure.
export class HoldClock {
  private since: number | undefined;
  private totalMs = 0;

  get held(): boolean {
    return this.since !== undefined;
  }

  /** When the spell running began; undefined off hold. */
  get heldSince(): number | undefined {
    return this.since;
  }

  hold(now: number): void {
    this.since ??= now;
  }

  resume(now: number): void {
    if (this.since === undefined) return;
    this.totalMs += Math.max(0, now - this.since);
    this.since = undefined;
  }

  /** The hold time so far, the running spell included, in seconds (to the millisecond). */
  seconds(now: number): number {
    const running = this.since === undefined ? 0 : Math.max(0, now - this.since);
    return Math.round(this.totalMs + running) / 1000;
  }
}
