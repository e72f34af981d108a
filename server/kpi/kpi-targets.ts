// Which brief target a KPI is read against: one mapping for the report, the agent comparison and anything else that
// colours a figure green met / red missed. Types only from the store: the browser loads this module.
import type { Targets } from '@/clickhouse/queries/targets';
import type { KpiValues } from './report';

export type { Targets };

type TargetKey = Exclude<keyof Targets, 'target_sal_hours'>;

/** The brief's target each KPI is read against; a KPI not listed has none. */
const TARGET_OF: Partial<Record<keyof KpiValues, TargetKey>> = {
  service_level: 'target_service_level',
  abandon_rate: 'target_abandon_rate',
  // The campaign's one abandon target: an outbound campaign's is its regulatory rate's (capped at 3 %).
  outbound_abandon_rate: 'target_abandon_rate',
  conversion_rate: 'target_conversion_rate',
  aht_seconds: 'target_aht_seconds',
  nps: 'target_nps',
  sal: 'target_sal',
};

export function targetOf(kpi: keyof KpiValues, targets: Targets | null | undefined): number | null {
  const key = TARGET_OF[kpi];
  return key && targets ? targets[key] : null;
}
