// Turns summed totals into the KPI object every consumer shows: dashboards, CSV reports and the public API.
import { type Direction } from '@/clickhouse/vocabulary';
import {
  addTotals, attempts, averageHandleTime, averageSpeedOfAnswer, callsPerAgentHour, contactRate, conversionRate,
  EMPTY_CALLS, firstCallResolution, inboundAbandonRate, listPenetration, netPromoterScore, occupancy, offered,
  outboundAbandonRate, qaScore, serviceLevel, type SlThresholds,
} from './formulas';
import type { CallTotals, QaTotals, ResolutionTotals, StateTotals, SurveyTotals } from '@/clickhouse/queries/kpi';
import type { SalTotals } from '@/clickhouse/queries/sal';

/** The KPI keys of the public API (rates as fractions 0–1, durations in seconds, null when no data). */
export interface KpiValues {
  service_level: number | null;
  asa_seconds: number | null;
  abandon_rate: number | null;
  outbound_abandon_rate: number | null;
  contact_rate: number | null;
  conversion_rate: number | null;
  aht_seconds: number | null;
  nps: number | null;
  nps_responses: number;
  resolution_seconds_mean: number | null;
  resolution_seconds_median: number | null;
  fcr: number | null;
  /** Mean evaluation score 0–1 of the calls evaluated (official evaluations, newest revision), with their count. */
  qa_score: number | null;
  qa_evaluations: number;
  /** Outbound campaigns only, never per agent; null without a contact list. */
  sal: number | null;
  /** SAL's denominator and numerator: contacts in the list, of them attempted at least once. */
  sal_contacts: number;
  sal_attempted: number;
  /** The window SAL is measured over, in hours from the first attempt in the range; null: the whole range. */
  sal_window_hours: number | null;
  occupancy: number | null;
  calls_per_agent_hour: number | null;
  offered: number;
  connected: number;
  abandoned: number;
  attempts: number;
}

export interface KpiInputs {
  inbound: CallTotals;
  outbound: CallTotals;
  surveys?: SurveyTotals;
  resolution?: ResolutionTotals;
  qa?: QaTotals;
  states?: StateTotals;
  /** List penetration's counts, for outbound campaigns (not per agent); absent otherwise. */
  sal?: SalMeasure;
  sl: SlThresholds;
  /** Whether any campaign in scope has a success disposition (the conversion rate's `converts`); default yes. */
  converts?: boolean;
}

export interface SalMeasure extends SalTotals {
  window_hours: number | null;
}

export function kpiValues({ inbound, outbound, surveys, resolution, qa, states, sal, sl, converts }: KpiInputs): KpiValues {
  const all = addTotals(inbound, outbound);
  return {
    service_level: serviceLevel(inbound, sl),
    asa_seconds: averageSpeedOfAnswer(inbound),
    abandon_rate: inboundAbandonRate(inbound),
    outbound_abandon_rate: outboundAbandonRate(outbound),
    contact_rate: contactRate(outbound),
    conversion_rate: conversionRate(all, converts),
    aht_seconds: averageHandleTime(all),
    nps: surveys ? netPromoterScore(surveys) : null,
    nps_responses: surveys?.responses ?? 0,
    resolution_seconds_mean: resolution?.resolution_seconds_mean ?? null,
    resolution_seconds_median: resolution?.resolution_seconds_median ?? null,
    fcr: resolution ? firstCallResolution(resolution) : null,
    qa_score: qa ? qaScore(qa) : null,
    qa_evaluations: qa?.evaluations ?? 0,
    sal: sal ? listPenetration(sal) : null,
    sal_contacts: sal?.contacts ?? 0,
    sal_attempted: sal?.attempted ?? 0,
    sal_window_hours: sal?.window_hours ?? null,
    occupancy: states ? occupancy(states) : null,
    calls_per_agent_hour: states ? callsPerAgentHour(all, states) : null,
    offered: offered(inbound),
    connected: all.connected,
    abandoned: inbound.abandoned,
    attempts: attempts(outbound),
  };
}

/** What the engine reads to compute KPIs: call totals, whether anything converts, and the other totals. */
export type KpiInput = 'calls' | 'converts' | 'surveys' | 'resolution' | 'qa' | 'states' | 'sal';
export type KpiKey = keyof KpiValues;

/** The inputs each figure of `kpiValues` is computed from: a request for a few figures reads only theirs. */
export const KPI_INPUTS: Record<KpiKey, readonly KpiInput[]> = {
  service_level: ['calls'], asa_seconds: ['calls'], abandon_rate: ['calls'], outbound_abandon_rate: ['calls'], contact_rate: ['calls'],
  conversion_rate: ['calls', 'converts'], aht_seconds: ['calls'],
  nps: ['surveys'], nps_responses: ['surveys'],
  resolution_seconds_mean: ['resolution'], resolution_seconds_median: ['resolution'], fcr: ['resolution'],
  qa_score: ['qa'], qa_evaluations: ['qa'],
  sal: ['sal'], sal_contacts: ['sal'], sal_attempted: ['sal'], sal_window_hours: ['sal'],
  occupancy: ['states'], calls_per_agent_hour: ['calls', 'states'],
  offered: ['calls'], connected: ['calls'], abandoned: ['calls'], attempts: ['calls'],
};

/** The inputs these figures need; every input when `kpis` is absent (all figures). */
export function inputsFor(kpis?: readonly KpiKey[]): ReadonlySet<KpiInput> {
  const keys = kpis ?? (Object.keys(KPI_INPUTS) as KpiKey[]);
  return new Set(keys.flatMap((k) => KPI_INPUTS[k]));
}

/** Splits rows of the totals query by direction, filling the missing one with zeros. */
export function byDirection(rows: (CallTotals & { direction: Direction })[]) {
  return {
    inbound: rows.filter((r) => r.direction === 'inbound').reduce(addTotals, EMPTY_CALLS),
    outbound: rows.filter((r) => r.direction === 'outbound').reduce(addTotals, EMPTY_CALLS),
  };
}
