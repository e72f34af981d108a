// The KPI engine: one entry point that reads totals for a scope-checked filter and applies the formulas.
import type { Clickhouse } from '@/clickhouse/client';
import { callTotals, qaTotals, resolutionTotals, stateTotals, surveyTotals, type Bucket, type KpiFilter } from '@/clickhouse/queries/kpi';
import { salSql } from '@/clickhouse/queries/sal';
import { latestTargets } from '@/clickhouse/queries/targets';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { addDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { addSal, salWindow, type SlThresholds } from './formulas';
import { byDirection, kpiValues, type KpiValues, type SalMeasure } from './report';

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
  const sal = await salCampaigns(ch, req);
  const [totals, other, bucketed, converts] = await Promise.all([
    callTotals(ch, req, undefined, req.source),
    otherTotals(ch, req, sal),
    req.bucket ? callTotals(ch, req, req.bucket, req.source) : Promise.resolve(undefined),
    tenancy.anyConverts(ch, req.campaignIds),
  ]);
  const result: KpiResult = kpiValues({ ...byDirection(totals), ...other, sl: req.sl, converts });
  if (bucketed) {
    const buckets = [...new Set(bucketed.map((r) => r.bucket!))].sort((a, b) => Number(a) - Number(b));
    result.series = await Promise.all(buckets.map(async (bucket) => {
      const start = Number(bucket) * 1000;
      // Days also get the KPIs that do not come from the call rollup (NPS, resolution, QA score, occupancy);
      // finer buckets keep to call KPIs: per quarter hour they would cost more than they tell.
      const extra = req.bucket === 'day' ? await otherTotals(ch, { ...req, from: start, to: addDays(new TZDate(start, req.timeZone ?? 'UTC'), 1).getTime() }, sal) : {};
      return {
        bucket: new Date(start).toISOString(),
        ...kpiValues({ ...byDirection(bucketed.filter((r) => r.bucket === bucket)), ...extra, sl: req.sl, converts }),
      };
    }));
  }
  return result;
}

async function otherTotals(ch: Clickhouse, req: KpiRequest, sal: SalCampaign[]) {
  const [surveys, resolution, states, salMeasure, qa] = await Promise.all([
    surveyTotals(ch, req), resolutionTotals(ch, req), stateTotals(ch, req.orgIds, req), salTotals(ch, req, sal), qaTotals(ch, req),
  ]);
  return { surveys, resolution, states, sal: salMeasure, qa };
}

/** An outbound campaign SAL is measured for, with its target's window (hours; null: the whole range). */
interface SalCampaign {
  id: string;
  windowHours: number | null;
}

/**
 * The campaigns SAL is measured for: the outbound ones, and none when the request is per agent (a list is the
 * campaign's, not an agent's) or for inbound calls only.
 */
async function salCampaigns(ch: Clickhouse, req: KpiRequest): Promise<SalCampaign[]> {
  if (req.agents.length > 0 || req.direction === 'inbound') return [];
  const ids = await salSql.outboundCampaigns(ch, req.campaignIds);
  if (!ids.length) return [];
  const targets = await latestTargets(ch, ids);
  return ids.map((id) => ({ id, windowHours: targets.get(id)?.target_sal_hours ?? null }));
}

/** SAL's counts over the range, each campaign over its own window; undefined when no campaign has a list. */
async function salTotals(ch: Clickhouse, range: { from: number; to: number }, campaigns: SalCampaign[]): Promise<SalMeasure | undefined> {
  if (!campaigns.length) return undefined;
  const parts = await Promise.all(campaigns.map(async (c) => {
    const first = c.windowHours ? await salSql.firstAttempt(ch, c.id, range.from, range.to) : null;
    const span = salWindow(range, first, c.windowHours);
    return salSql.totals(ch, c.id, span.from, span.to);
  }));
  const totals = parts.reduce(addSal, { contacts: 0, attempted: 0 });
  if (totals.contacts === 0) return undefined;
  const windows = new Set(campaigns.map((c) => c.windowHours));
  return { ...totals, window_hours: windows.size === 1 ? campaigns[0]!.windowHours : null };
}
