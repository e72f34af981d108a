// One campaign right now: today's KPIs (in the campaign's time zone), agents by state, callers waiting. The live
// monitor and the wallboard read it here, so both show the same figures for the same moment; the alert evaluator
// reads the same day's figures, only those its rules watch (`liveKpis`).
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Clickhouse } from '@/clickhouse/client';
import { latestAgentStates } from '@/clickhouse/queries/live';
import { tenancy } from '@/clickhouse/queries/tenancy';
import type { AgentState } from '@/clickhouse/vocabulary';
import type { CampaignView } from '@/server/campaigns/views';
import { currentDialer } from '@/server/dialer/instance';
import { computeKpis, type KpiRequest } from './engine';
import { campaignRequest } from './campaign-request';
import type { KpiKey } from './report';
import { lastDayFigures, noCalls } from './last-day';

/** The campaign's day so far (to a minute past now, so a call just ended counts), in its zone, with what the view knows. */
const todayOf = (campaign: CampaignView, now: number): KpiRequest =>
  campaignRequest(campaign, startOfDay(new TZDate(now, campaign.time_zone)).getTime(), now + 60_000);

/** Callers waiting right now: only the co-located dialer knows them (no record before the call ends). */
const queueOf = (campaignId: string) => currentDialer().dialer?.queueOf(campaignId) ?? null;

/**
 * How a page reads the campaign: `bucket`, the day's curve (the live monitor's, none on a wallboard); what a page of
 * several campaigns read once for all (the wallboard's agents and targets), and the figures it shows (absent: all).
 */
type LiveOptions = Pick<KpiRequest, 'targets' | 'kpis' | 'bucket' | 'campaignAgents'>;

/** `campaign` must come from the caller's scope. */
export async function liveOfCampaign(ch: Clickhouse, campaign: CampaignView, now: number, options: LiveOptions = {}) {
  const today = todayOf(campaign, now);
  const campaignAgents = options.campaignAgents ?? await tenancy.agentCodesOfCampaigns(ch, [campaign.id]);
  const [kpis, states, queue] = await Promise.all([
    computeKpis(ch, { ...today, ...options, campaignAgents }),
    latestAgentStates(ch, { orgId: campaign.outsourcer_org_id, campaignId: campaign.id, campaignAgents, since: today.from, until: now }),
    queueOf(campaign.id),
  ]);
  const byState: Partial<Record<AgentState, number>> = {};
  for (const s of states) byState[s.state] = (byState[s.state] ?? 0) + 1;
  const callsInProgress = (byState.on_call ?? 0) + (byState.ringing ?? 0);
  // Nothing today, ended or going on (night, weekend): the campaign's last day with calls and its figures, else null.
  // A call in progress or a caller waiting starts the day: its figures are today's, however few.
  const lastDay = noCalls(kpis) && callsInProgress === 0 && !queue?.waiting ? await lastDayFigures(ch, campaign, today.from, { ...options, campaignAgents }) : null;
  return { from: today.from, kpis, agentsByState: byState, callsInProgress, queue, lastDay };
}

/**
 * Today's figures named by `kpis`, as `liveOfCampaign` computes them (the others as with no data), and the queue:
 * what alert rules read, without the agents' states nor the totals no rule watches.
 */
export async function liveKpis(ch: Clickhouse, campaign: CampaignView, now: number, kpis: readonly KpiKey[]) {
  const [values, queue] = await Promise.all([computeKpis(ch, { ...todayOf(campaign, now), kpis }), queueOf(campaign.id)]);
  return { kpis: values, queue };
}
