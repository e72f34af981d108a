// The agent's own day on the desk: per campaign it is assigned to, its calls connected, AHT, conversion rate and
// occupancy since midnight in the campaign's zone, from the one KPI module, beside the campaign's targets.
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { Clickhouse } from '@/clickhouse/client';
import { latestTargets } from '@/clickhouse/queries/targets';
import { campaignSl, computeKpis } from '@/server/kpi/engine';
import { campaignViews } from '@/server/campaigns/views';
import type { Scope } from '@/server/tenancy/scope';

export async function agentDay(ch: Clickhouse, scope: Scope, agentCode: string, now: number) {
  const campaigns = await campaignViews(ch, scope);
  const targets = await latestTargets(ch, campaigns.map((c) => c.id));
  return Promise.all(campaigns.map(async (c) => {
    const k = await computeKpis(ch, {
      campaignIds: [c.id], orgIds: [c.outsourcer_org_id], agents: [agentCode], from: startOfDay(new TZDate(now, c.time_zone)).getTime(), to: now + 60_000,
      timeZone: c.time_zone, sl: campaignSl(c), campaigns: [c],
    });
    const t = targets.get(c.id);
    return {
      campaignId: c.id, code: c.code,
      connected: k.connected, aht_seconds: k.aht_seconds, conversion_rate: k.conversion_rate, occupancy: k.occupancy,
      targets: { aht_seconds: t?.target_aht_seconds ?? null, conversion_rate: t?.target_conversion_rate ?? null },
    };
  }));
}
