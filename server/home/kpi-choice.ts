// Which KPI a campaign is judged on by its direction: service level and queue abandon inbound; SAL and the
// regulatory abandon rate (answered calls not put through to an agent within 2 s) outbound. The homes' tables and
// the wallboard's tiles show these; the wallboard's server side computes no other (`tileKpis`).
// Each one's target is `targetOf` its KPI (server/kpi/kpi-targets.ts).
import type { KpiKey } from '@/server/kpi/report';

type Direction = 'inbound' | 'outbound';

export const rateKpi = (direction: Direction): KpiKey => (direction === 'inbound' ? 'service_level' : 'sal');

export const abandonKpi = (direction: Direction): KpiKey => (direction === 'inbound' ? 'abandon_rate' : 'outbound_abandon_rate');

/** Calls of the day: offered to the queue inbound, dial attempts outbound. */
export const volumeKpi = (direction: Direction): KpiKey => (direction === 'inbound' ? 'offered' : 'attempts');

/** Every figure a wallboard tile shows: inbound, how long callers wait for an answer too. */
export const tileKpis = (direction: Direction): KpiKey[] =>
  [rateKpi(direction), abandonKpi(direction), volumeKpi(direction), 'conversion_rate', 'connected', ...(direction === 'inbound' ? ['asa_seconds' as const] : [])];
