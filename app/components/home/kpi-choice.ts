// Which KPI a campaign is judged on by its direction: service level and queue abandon inbound; SAL and the
// regulatory abandon rate (answered calls not put through to an agent within 2 s) outbound.
import type { KpiKey } from '@/app/components/kpi/format';
import type { RouterOutputs } from '@/app/trpc/types';

type Targets = RouterOutputs['home']['figures']['campaigns'][number]['targets'];

export function rateKpi(direction: 'inbound' | 'outbound'): { kpi: KpiKey; target: keyof Targets } {
  return direction === 'inbound' ? { kpi: 'service_level', target: 'target_service_level' } : { kpi: 'sal', target: 'target_sal' };
}

export const abandonKpi = (direction: 'inbound' | 'outbound'): KpiKey => (direction === 'inbound' ? 'abandon_rate' : 'outbound_abandon_rate');

/** Calls of the day: offered to the queue inbound, dial attempts outbound. */
export const volumeKpi = (direction: 'inbound' | 'outbound'): KpiKey => (direction === 'inbound' ? 'offered' : 'attempts');
