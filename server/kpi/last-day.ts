// The live monitor at night or on a weekend: today has no call yet, so instead of a row of dashes it shows the
// campaign's last day with calls (in its time zone), whole, said as such.
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Clickhouse } from '@/clickhouse/client';
import { lastCallHourBefore } from '@/clickhouse/queries/live';
import type { KpiResult } from './engine';

/** Whether today's figures hold no call at all (nothing offered, nothing dialled). */
export const noCalls = (k: Pick<KpiResult, 'offered' | 'attempts'>) => (k.offered ?? 0) + (k.attempts ?? 0) === 0;

/** The day (start, end in epoch ms, in `timeZone`) of the campaign's last call before `todayFrom`, or null. */
export async function lastDayWithCalls(ch: Clickhouse, campaignId: string, timeZone: string, todayFrom: number): Promise<{ from: number; to: number } | null> {
  const hour = await lastCallHourBefore(ch, campaignId, todayFrom);
  if (hour === null) return null;
  const from = startOfDay(new TZDate(hour, timeZone));
  return { from: from.getTime(), to: Math.min(todayFrom, startOfDay(addDays(from, 1)).getTime()) };
}
