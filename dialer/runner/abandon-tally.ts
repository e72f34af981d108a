// The regulatory abandon tally of one campaign (pure): calls answered by a person and drops over the profile's
// period (compliance/abandon-period.ts), kept by the minute of each call's start like the stored records are
// read back (rebuild.ts), so a campaign running past midnight starts the new campaign day at zero and a rolling
// period lets old minutes go as it moves.
import { abandonPeriodStart, type AbandonPeriod } from '@/dialer/compliance/abandon-period';

const MINUTE = 60_000;

export interface TallyMinute { minute: number; humanAnswered: number; dropped: number }
export interface TallyTotals { humanAnswered: number; dropped: number }

export class AbandonTally {
  private readonly minutes = new Map<number, TallyTotals>();
  private readonly sum: TallyTotals = { humanAnswered: 0, dropped: 0 };
  private oldest = Infinity;

  constructor(readonly period: AbandonPeriod, private readonly timeZone: string, stored: readonly TallyMinute[] = []) {
    for (const m of stored) {
      this.add(m.minute, 'humanAnswered', m.humanAnswered);
      this.add(m.minute, 'dropped', m.dropped);
    }
  }

  /** A call that started at `startedAt` was answered by a person. */
  answered(startedAt: number): void {
    this.add(startedAt, 'humanAnswered', 1);
  }

  /** A call that started at `startedAt` was dropped (no agent within the 2-s rule, or the message leg). */
  dropped(startedAt: number): void {
    this.add(startedAt, 'dropped', 1);
  }

  /** The totals of the period that ends at `now`. */
  totals(now: number): TallyTotals {
    const start = abandonPeriodStart(this.period, now, this.timeZone);
    // Minutes leave the period in order; a call that started before its start counts in a minute already gone.
    if (this.oldest < start) {
      this.oldest = Infinity;
      for (const [minute, t] of this.minutes) {
        if (minute < start) {
          this.minutes.delete(minute);
          this.sum.humanAnswered -= t.humanAnswered;
          this.sum.dropped -= t.dropped;
        } else this.oldest = Math.min(this.oldest, minute);
      }
    }
    return { ...this.sum };
  }

  private add(at: number, field: keyof TallyTotals, n: number): void {
    const minute = at - (at % MINUTE);
    const t = this.minutes.get(minute) ?? { humanAnswered: 0, dropped: 0 };
    t[field] += n;
    this.minutes.set(minute, t);
    this.sum[field] += n;
    this.oldest = Math.min(this.oldest, minute);
  }
}
