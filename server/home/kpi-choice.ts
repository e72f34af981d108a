// Which KPI a campaign is judged on by its direction: service level and queue abandon inbound; SAL and the
// regulatory abandon rate (answered calls not put through to an agent within 2 s) outbound. The homes' tables and
// the wallboard's tiles show these; the wallboard's server side computes no other (`tileKpis`).
import type { Targets } from '@/server/kpi/kpi-targets';
import type { KpiKey } from '@/server/kpi/report';

type Direction = 'inbound' | 'outbound';

export function rateKpi(direction: Direction): { kpi: KpiKey; target: keyof Targets } {
  return direction === 'inbound' ? { kpi: 'service_level', target: 'target_service_level' } : { kpi: 'sal', target: 'target_sal' };
}

export const abandonKpi = (direction: Direction): KpiKey => (direction === 'inbound' ? 'abandon_rate' : 'outbound_abandon_rate');

/** Calls of the day: offered to the queue inbound, dial attempts outbound. */
export const volumeKpi = (direction: Direction): KpiKey => (direction === 'inbound' ? 'offered' : 'attempts');

/** Every figure a wallboard tile shows. */
export const tileKpis = (direction: Direction): KpiKey[] =>
  [rateKpi(direction).kpi, abandonKpi(direction), volumeKpi(direction), 'conversion_rate', 'connected'];
