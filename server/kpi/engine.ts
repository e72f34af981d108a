// The KPI engine: one entry point that reads totals for a scope-checked filter and applies the formulas.
import type { Clickhouse } from '@/clickhouse/client';
import { callTotals, qaTotals, resolutionTotals, stateTotals, surveyTotals, type Bucket, type KpiFilter } from '@/clickhouse/queries/kpi';
import { salSql } from '@/clickhouse/queries/sal';
import { latestTargets, type Targets } from '@/clickhouse/queries/targets';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { addDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { addSal, hasConversions, salWindow, type SlThresholds } from './formulas';
import { byDirection, inputsFor, kpiValues, type KpiInput, type KpiKey, type KpiValues, type SalMeasure } from './report';

/** A campaign's service-level thresholds T and S. */
export function campaignSl(c: { sl_threshold_seconds: number; short_abandon_seconds: number }): SlThresholds {
  return { answerSeconds: c.sl_threshold_seconds, shortAbandonSeconds: c.short_abandon_seconds };
}

/** What the engine needs to know of a campaign in scope besides its records. */
export type CampaignFacts = Pick<Campaign, 'id' | 'direction' | 'success_dispositions'>;

/** What a caller holding the campaigns may pass so the engine does not read them again (each absent piece is read). */
export interface KnownCampaigns {
  /** The campaigns of `campaignIds` (their views): direction (SAL) and success dispositions (conversion). Ignored unless it holds every id. */
  campaigns?: readonly CampaignFacts[];
}

export interface KpiRequest extends KpiFilter, KnownCampaigns {
  /** Outsourcer organizations whose agent states count (occupancy). */
  orgIds: string[];
  sl: SlThresholds;
  bucket?: Bucket;
  source?: 'rollup' | 'raw';
  /** The campaigns' KPI targets when the caller holds them (latestTargets): the SAL window. Read when absent. */
  targets?: ReadonlyMap<string, Targets>;
  /**
   * Only these figures are wanted (the alert evaluator's rules): the totals none of them is computed from are not
   * read, and the other figures come out as if there were no data. Every figure when absent.
   */
  kpis?: readonly KpiKey[];
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

/** The facts of the request's campaigns: the caller's when it passed them all, else read. */
async function campaignFacts(ch: Clickhouse, req: KpiFilter & KnownCampaigns): Promise<readonly CampaignFacts[]> {
  const known = req.campaigns;
  if (known && req.campaignIds.every((id) => known.some((c) => c.id === id))) return known.filter((c) => req.campaignIds.includes(c.id));
  return tenancy.campaignsByIds(ch, req.campaignIds);
}

/** Whether anything converts in the request's campaigns (the conversion rate's `converts`, docs/kpis.md). */
export async function convertsOf(ch: Clickhouse, req: KpiFilter & KnownCampaigns): Promise<boolean> {
  return hasConversions(await campaignFacts(ch, req));
}

/** Callers must pass campaign ids already checked against the caller's scope. */
export async function computeKpis(ch: Clickhouse, request: KpiRequest): Promise<KpiResult> {
  if (request.campaignIds.length === 0) throw new Error('computeKpis needs at least one campaign in scope');
  const need = inputsFor(request.kpis);
  // Assigned agents only decide which agent states count (occupancy).
  const req = need.has('states') ? await withCampaignAgents(ch, request) : request;
  const facts = need.has('converts') || need.has('sal') ? await campaignFacts(ch, req) : [];
  const sal = need.has('sal') ? await salCampaigns(ch, req, facts) : [];
  const converts = need.has('converts') ? hasConversions(facts) : undefined;
  const [totals, other, bucketed] = await Promise.all([
    need.has('calls') ? callTotals(ch, req, undefined, req.source) : Promise.resolve([]),
    otherTotals(ch, req, sal, need),
    req.bucket && need.has('calls') ? callTotals(ch, req, req.bucket, req.source) : Promise.resolve(undefined),
  ]);
  const result: KpiResult = kpiValues({ ...byDirection(totals), ...other, sl: req.sl, converts });
  if (bucketed) {
    const buckets = [...new Set(bucketed.map((r) => r.bucket!))].sort((a, b) => Number(a) - Number(b));
    result.series = await Promise.all(buckets.map(async (bucket) => {
      const start = Number(bucket) * 1000;
      // Days also get the KPIs that do not come from the call rollup (NPS, resolution, QA score, occupancy);
      // finer buckets keep to call KPIs: per quarter hour they would cost more than they tell.
      const extra = req.bucket === 'day' ? await otherTotals(ch, { ...req, from: start, to: addDays(new TZDate(start, req.timeZone ?? 'UTC'), 1).getTime() }, sal, need) : {};
      return {
        bucket: new Date(start).toISOString(),
        ...kpiValues({ ...byDirection(bucketed.filter((r) => r.bucket === bucket)), ...extra, sl: req.sl, converts }),
      };
    }));
  }
  return result;
}

/** The totals other than calls that `need` names (absent: none to read). */
async function otherTotals(ch: Clickhouse, req: KpiRequest, sal: SalCampaign[], need: ReadonlySet<KpiInput>) {
  const when = <T>(input: KpiInput, read: () => Promise<T>) => (need.has(input) ? read() : Promise.resolve(undefined));
  const [surveys, resolution, states, salMeasure, qa] = await Promise.all([
    when('surveys', () => surveyTotals(ch, req)), when('resolution', () => resolutionTotals(ch, req)), when('states', () => stateTotals(ch, req.orgIds, req)),
    when('sal', () => salTotals(ch, req, sal)), when('qa', () => qaTotals(ch, req)),
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
async function salCampaigns(ch: Clickhouse, req: KpiRequest, facts: readonly CampaignFacts[]): Promise<SalCampaign[]> {
  if (req.agents.length > 0 || req.direction === 'inbound') return [];
  const ids = facts.filter((c) => c.direction === 'outbound').map((c) => c.id);
  if (!ids.length) return [];
  const targets = req.targets && ids.every((id) => req.targets!.has(id)) ? req.targets : await latestTargets(ch, ids);
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
