// The live monitor and the wallboard at night or on a weekend: today has no call yet, so instead of a row of dashes
// they show the campaign's last day with calls (in its time zone), whole, said as such.
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Clickhouse } from '@/clickhouse/client';
import { lastCallHourBefore } from '@/clickhouse/queries/live';
import type { CampaignView } from '@/server/campaigns/views';
import { computeKpis, type KpiRequest, type KpiResult } from './engine';
import { campaignRequest } from './campaign-request';

/** Whether today's figures hold no call at all (nothing offered, nothing dialled). */
export const noCalls = (k: Pick<KpiResult, 'offered' | 'attempts'>) => (k.offered ?? 0) + (k.attempts ?? 0) === 0;

/** The day (start, end in epoch ms, in `timeZone`) of the campaign's last call before `todayFrom`, or null. */
async function lastDayWithCalls(ch: Clickhouse, campaignId: string, timeZone: string, todayFrom: number): Promise<{ from: number; to: number } | null> {
  const hour = await lastCallHourBefore(ch, campaignId, todayFrom);
  if (hour === null) return null;
  const from = startOfDay(new TZDate(hour, timeZone));
  return { from: from.getTime(), to: Math.min(todayFrom, startOfDay(addDays(from, 1)).getTime()) };
}

/**
 * The campaign's last day with calls before today and its figures, read as today's are (`request`: the curve, the
 * figures a page shows, what it already read); null when the campaign never had a call.
 */
export async function lastDayFigures(ch: Clickhouse, campaign: CampaignView, todayFrom: number,
  request: Pick<KpiRequest, 'bucket' | 'kpis' | 'targets' | 'campaignAgents'>) {
  const day = await lastDayWithCalls(ch, campaign.id, campaign.time_zone, todayFrom);
  if (!day) return null;
  const kpis = await computeKpis(ch, { ...campaignRequest(campaign, day.from, day.to), ...request });
  return { ...day, kpis };
}
