// Pure: the KPIs an alert rule can watch, by the KPI module's names (server/kpi/report.ts), with the unit a person
// types the threshold in and the campaigns each means something for; where a rule's value comes from (the live
// figures the live monitor and the wallboard show); the legal rule every outbound campaign has.
import type { Direction } from '@/clickhouse/vocabulary';
import { ABANDON_CAP } from '@/dialer/compliance/abandon-cap';
import type { KpiValues } from '@/server/kpi/report';

export const ALERT_KPIS = [
  'service_level', 'abandon_rate', 'asa_seconds', 'callers_waiting', 'longest_wait_seconds',
  'outbound_abandon_rate', 'contact_rate', 'sal',
  'conversion_rate', 'aht_seconds', 'nps', 'occupancy',
] as const;
export type AlertKpi = (typeof ALERT_KPIS)[number];

export const COMPARISONS = ['below', 'above'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** percent: stored as a fraction 0–1, typed and shown in %; seconds; count (callers); points (NPS −100…100). */
export type AlertUnit = 'percent' | 'seconds' | 'count' | 'points';

export const ALERT_KPI_INFO: Record<AlertKpi, { unit: AlertUnit; only?: Direction }> = {
  service_level: { unit: 'percent', only: 'inbound' },
  abandon_rate: { unit: 'percent', only: 'inbound' },
  asa_seconds: { unit: 'seconds', only: 'inbound' },
  // Known only to a dialer running in this process (the records of a call come when it ends).
  callers_waiting: { unit: 'count', only: 'inbound' },
  longest_wait_seconds: { unit: 'seconds', only: 'inbound' },
  outbound_abandon_rate: { unit: 'percent', only: 'outbound' },
  contact_rate: { unit: 'percent', only: 'outbound' },
  sal: { unit: 'percent', only: 'outbound' },
  conversion_rate: { unit: 'percent' },
  aht_seconds: { unit: 'seconds' },
  nps: { unit: 'points' },
  occupancy: { unit: 'percent' },
};

export const kpisOfDirection = (direction: Direction): AlertKpi[] =>
  ALERT_KPIS.filter((k) => !ALERT_KPI_INFO[k].only || ALERT_KPI_INFO[k].only === direction);

/** What a rule says, whatever its origin. */
export interface RuleCondition {
  kpi: AlertKpi;
  comparison: Comparison;
  /** In the KPI's own unit: a fraction for a percentage. */
  threshold: number;
  /** How long the breach must last before the alert opens, and the value be back before it clears (0: at once). */
  duration_minutes: number;
}

export interface LiveFigures {
  kpis: KpiValues;
  /** The inbound queue right now; null when no dialer of this process knows it. */
  queue: { waiting: number; longestWaitSeconds: number } | null;
}

/** The value a rule compares: today's figure of the live monitor (null: no data, which never breaches). */
export function alertValueOf(kpi: AlertKpi, live: LiveFigures): number | null {
  if (kpi === 'callers_waiting') return live.queue?.waiting ?? null;
  if (kpi === 'longest_wait_seconds') return live.queue?.longestWaitSeconds ?? null;
  return live.kpis[kpi];
}

/** The KPI module's figures these rules read (the queue's two come from the dialer): all the evaluator asks it for. */
export const figuresRead = (kpis: readonly AlertKpi[]): Exclude<AlertKpi, 'callers_waiting' | 'longest_wait_seconds'>[] =>
  [...new Set(kpis.filter((k) => k !== 'callers_waiting' && k !== 'longest_wait_seconds'))];

/** Does `value` break the rule? Strictly: a service level at exactly 70 % is not "below 70 %". */
export function breaches(rule: Pick<RuleCondition, 'comparison' | 'threshold'>, value: number | null): boolean {
  if (value === null || Number.isNaN(value)) return false;
  return rule.comparison === 'below' ? value < rule.threshold : value > rule.threshold;
}

/** Is `b` a worse value than `a` for this rule (further past the threshold)? */
export const isWorse = (rule: Pick<RuleCondition, 'comparison'>, a: number, b: number): boolean =>
  rule.comparison === 'below' ? b < a : b > a;

/** The id of a campaign's legal rule: one per outbound campaign, never stored, never deleted. */
export const legalRuleId = (campaignId: string) => `legal-abandon-${campaignId}`;
export const isLegalRuleId = (id: string) => id.startsWith('legal-abandon-');

/** The law's rule (PRODUCT §5: the abandon rate is capped at 3 % of the calls answered by a person over the day). */
export const LEGAL_RULE: RuleCondition = { kpi: 'outbound_abandon_rate', comparison: 'above', threshold: ABANDON_CAP, duration_minutes: 0 };

/** A threshold as typed (% for a percentage) to the KPI's own unit, and back. */
export const thresholdFromInput = (kpi: AlertKpi, typed: number) => (ALERT_KPI_INFO[kpi].unit === 'percent' ? typed / 100 : typed);
export const thresholdToInput = (kpi: AlertKpi, stored: number) =>
  (ALERT_KPI_INFO[kpi].unit === 'percent' ? Math.round(stored * 100_000) / 1000 : stored);
