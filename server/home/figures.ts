// The figures the home pages open with, per campaign of the caller's scope: today, yesterday and the last 7 days
// against the campaign's targets (client and quality homes), and each campaign right now (manager home, wallboard).
// Every value comes from the KPI engine; nothing is computed here. What the three periods of a campaign share (its
// assigned agents, direction, success dispositions, targets) is read once for the whole home and handed to the engine.
import type { Clickhouse } from '@/clickhouse/client';
import { latestTargets } from '@/clickhouse/queries/targets';
import { agentCodesByCampaign } from '@/clickhouse/queries/tenancy';
import { ABANDON_CAP } from '@/dialer/compliance/abandon-cap';
import type { CampaignView } from '@/server/campaigns/views';
import { computeKpis } from '@/server/kpi/engine';
import { campaignRequest } from '@/server/kpi/campaign-request';
import { liveOfCampaign } from '@/server/kpi/live';
import { alertsSql } from '@/clickhouse/queries/alerts';
import { figuresRead, type AlertKpi } from '@/server/alerts/kpis';
import { tileKpis } from './kpi-choice';
import { homePeriods, type Period } from './periods';

/** What a home shows of a campaign: enough to name it and link to it, not its settings. */
function summaryOf(c: CampaignView) {
  return { id: c.id, code: c.code, name: c.name, direction: c.direction, status: c.status, client_name: c.client_name, time_zone: c.time_zone };
}

/** `campaigns` must be the caller's scope's (campaignViews). */
export async function campaignFigures(ch: Clickhouse, campaigns: CampaignView[], now: number) {
  const ids = campaigns.map((c) => c.id);
  const [targets, agents] = await Promise.all([latestTargets(ch, ids), agentCodesByCampaign(ch, ids)]);
  const rows = await Promise.all(campaigns.map(async (c) => {
    const periods = homePeriods(now, c.time_zone);
    const kpis = ({ from, to }: Period) => computeKpis(ch, { ...campaignRequest(c, from, to), campaignAgents: agents.get(c.id) ?? [], targets });
    const [today, yesterday, week] = await Promise.all([kpis(periods.today), kpis(periods.yesterday), kpis(periods.week)]);
    return { campaign: summaryOf(c), targets: targets.get(c.id)!, today, yesterday, week };
  }));
  return { asOf: now, abandonCap: ABANDON_CAP, campaigns: rows };
}

/**
 * Each campaign right now: today's KPIs (the last day with calls' when today has none yet), agents by state, callers
 * waiting (the live monitor's figures, without its curve). Only what a tile shows is computed, and what an open alert's banner reads (its value now): the wall refetches
 * after every call, and the KPIs nobody looks at there (NPS, resolution, QA) would cost a query each per campaign.
 */
export async function wallboardFigures(ch: Clickhouse, campaigns: CampaignView[], now: number) {
  const ids = campaigns.map((c) => c.id);
  const [targets, agents, open] = await Promise.all([latestTargets(ch, ids), agentCodesByCampaign(ch, ids), ids.length ? alertsSql.open(ch, ids) : []]);
  const tiles = await Promise.all(campaigns.map(async (c) => {
    const kpis = [...new Set([...tileKpis(c.direction), ...figuresRead(open.filter((a) => a.campaign_id === c.id).map((a) => a.kpi as AlertKpi))])];
    const { kpis: values, agentsByState, callsInProgress, queue, lastDay } = await liveOfCampaign(ch, c, now, { campaignAgents: agents.get(c.id) ?? [], targets, kpis });
    return { campaign: summaryOf(c), targets: targets.get(c.id)!, kpis: values, agentsByState, callsInProgress, queue, lastDay };
  }));
  return { asOf: now, abandonCap: ABANDON_CAP, tiles };
}
