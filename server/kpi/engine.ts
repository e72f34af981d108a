// The KPI engine: one entry point that reads totals for a scope-checked filter and applies the formulas.
import type { Clickhouse } from '@/clickhouse/client';
import { callTotals, resolutionTotals, stateTotals, surveyTotals, type Bucket, type KpiFilter } from '@/clickhouse/queries/kpi';
import type { SlThresholds } from './formulas';
import { byDirection, kpiValues, type KpiValues } from './report';

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

/** Callers must pass campaign ids already checked against the caller's scope. */
export async function computeKpis(ch: Clickhouse, req: KpiRequest): Promise<KpiResult> {
  if (req.campaignIds.length === 0) throw new Error('computeKpis needs at least one campaign in scope');
  const [totals, surveys, resolution, states, bucketed] = await Promise.all([
    callTotals(ch, req, undefined, req.source),
    surveyTotals(ch, req),
    resolutionTotals(ch, req),
    stateTotals(ch, req.orgIds, req),
    req.bucket ? callTotals(ch, req, req.bucket, req.source) : Promise.resolve(undefined),
  ]);
  const result: KpiResult = kpiValues({ ...byDirection(totals), surveys, resolution, states, sl: req.sl });
  if (bucketed) {
    const buckets = [...new Set(bucketed.map((r) => r.bucket!))].sort((a, b) => Number(a) - Number(b));
    result.series = buckets.map((bucket) => ({
      bucket: new Date(Number(bucket) * 1000).toISOString(),
      ...kpiValues({ ...byDirection(bucketed.filter((r) => r.bucket === bucket)), sl: req.sl }),
    }));
  }
  return result;
}
