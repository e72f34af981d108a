// The KPI engine: one entry point that reads totals for a scope-checked filter and applies the formulas.
import type { Clickhouse } from '@/clickhouse/client';
import { callTotals, resolutionTotals, stateTotals, surveyTotals, type Bucket, type KpiFilter } from '@/clickhouse/queries/kpi';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { addDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { SlThresholds } from './formulas';
import { byDirection, kpiValues, type KpiValues } from './report';

/** A campaign's service-level thresholds T and S. */
export function campaignSl(c: { sl_threshold_seconds: number; short_abandon_seconds: number }): SlThresholds {
  return { answerSeconds: c.sl_threshold_seconds, shortAbandonSeconds: c.short_abandon_seconds };
}

export interface KpiRequest extends KpiFilter {
  /** Outsourcer organizations whose agent states count (occupancy). */
  orgIds: string[];
  sl: SlThresholds;
  bucket?: Bucket;
  source?: 'rollup' | 'raw';
}

export interface KpiSeriesPoint extends KpiValues {
  bucket: string;
}

export interface KpiResult extends KpiValues {
  series?: KpiSeriesPoint[];
}

/** The filter with the campaigns' assigned agents, whose states on no campaign count for them (occupancy). */
export async function withCampaignAgents<F extends KpiFilter>(ch: Clickhouse, f: F): Promise<F> {
  return f.campaignAgents ? f : { ...f, campaignAgents: await tenancy.agentCodesOfCampaigns(ch, f.campaignIds) };
}

/** Callers must pass campaign ids already checked against the caller's scope. */
export async function computeKpis(ch: Clickhouse, request: KpiRequest): Promise<KpiResult> {
  if (request.campaignIds.length === 0) throw new Error('computeKpis needs at least one campaign in scope');
  const req = await withCampaignAgents(ch, request);
  const [totals, other, bucketed] = await Promise.all([
    callTotals(ch, req, undefined, req.source),
    otherTotals(ch, req),
    req.bucket ? callTotals(ch, req, req.bucket, req.source) : Promise.resolve(undefined),
  ]);
  const result: KpiResult = kpiValues({ ...byDirection(totals), ...other, sl: req.sl });
  if (bucketed) {
    const buckets = [...new Set(bucketed.map((r) => r.bucket!))].sort((a, b) => Number(a) - Number(b));
    result.series = await Promise.all(buckets.map(async (bucket) => {
      const start = Number(bucket) * 1000;
      // Days also get the KPIs that do not come from the call rollup (NPS, resolution, occupancy);
      // finer buckets keep to call KPIs: per quarter hour they would cost more than they tell.
      const extra = req.bucket === 'day' ? await otherTotals(ch, { ...req, from: start, to: addDays(new TZDate(start, req.timeZone ?? 'UTC'), 1).getTime() }) : {};
      return {
        bucket: new Date(start).toISOString(),
        ...kpiValues({ ...byDirection(bucketed.filter((r) => r.bucket === bucket)), ...extra, sl: req.sl }),
      };
    }));
  }
  return result;
}

async function otherTotals(ch: Clickhouse, req: KpiRequest) {
  const [surveys, resolution, states] = await Promise.all([surveyTotals(ch, req), resolutionTotals(ch, req), stateTotals(ch, req.orgIds, req)]);
  return { surveys, resolution, states };
}
