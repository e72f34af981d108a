// One campaign right now: today's KPIs (in the campaign's time zone), agents by state, callers waiting. The live
// monitor and the wallboard read it here, so both show the same figures for the same moment.
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Clickhouse } from '@/clickhouse/client';
import { latestAgentStates } from '@/clickhouse/queries/live';
import { tenancy } from '@/clickhouse/queries/tenancy';
import type { AgentState } from '@/clickhouse/vocabulary';
import type { CampaignView } from '@/server/campaigns/views';
import { currentDialer } from '@/server/dialer/instance';
import { campaignSl, computeKpis, type KpiRequest } from './engine';

/** `campaign` must come from the caller's scope. `bucket`: the day's curve (the live monitor's), none on a wallboard. */
export async function liveOfCampaign(ch: Clickhouse, campaign: CampaignView, now: number, bucket?: KpiRequest['bucket']) {
  const outsourcerOrgId = campaign.outsourcer_org_id;
  const from = startOfDay(new TZDate(now, campaign.time_zone)).getTime();
  const campaignAgents = await tenancy.agentCodesOfCampaigns(ch, [campaign.id]);
  const [kpis, states, queue] = await Promise.all([
    computeKpis(ch, {
      campaignIds: [campaign.id], orgIds: [outsourcerOrgId], from, to: now + 60_000, agents: [], campaignAgents, bucket,
      timeZone: campaign.time_zone, sl: campaignSl(campaign),
    }),
    latestAgentStates(ch, { orgId: outsourcerOrgId, campaignId: campaign.id, campaignAgents, since: from, until: now }),
    // Callers waiting right now: only the co-located dialer knows them (no record before the call ends).
    currentDialer().dialer?.queueOf(campaign.id) ?? null,
  ]);
  const byState: Partial<Record<AgentState, number>> = {};
  for (const s of states) byState[s.state] = (byState[s.state] ?? 0) + 1;
  return { from, kpis, agentsByState: byState, callsInProgress: (byState.on_call ?? 0) + (byState.ringing ?? 0), queue };
}
