// A campaign's evaluation grid and sampling setting: read (the newest version, its history) and saved (every save
// a new version, audited). The grid's rules are grid.ts's; this is their I/O.
import type { Clickhouse } from '@/clickhouse/client';
import { qualitySql, type GridRow } from '@/clickhouse/queries/quality';
import { audited, type AuditActor } from '@/server/audit/record';
import { normaliseSections, type GridVersion, type Section } from './grid';
import { DEFAULT_PER_AGENT_WEEK } from './sampling';

export const gridOfRow = (r: GridRow): GridVersion => ({
  campaign_id: r.campaign_id, version: Number(r.version), name: r.name, sections: JSON.parse(r.sections) as Section[],
  edited_by_name: r.edited_by_name, edited_at: String(r.edited_at),
});

/** The campaign's grid versions, newest first (empty: no grid yet), and its sampling setting. */
export async function gridsOf(ch: Clickhouse, campaignId: string) {
  const [versions, perAgentWeek] = await Promise.all([qualitySql.gridVersions(ch, campaignId), qualitySql.sampling(ch, campaignId)]);
  return { versions: versions.map(gridOfRow), perAgentWeek: perAgentWeek ?? DEFAULT_PER_AGENT_WEEK };
}

export async function latestGrid(ch: Clickhouse, campaignId: string): Promise<GridVersion | undefined> {
  const [newest] = await qualitySql.gridVersions(ch, campaignId);
  return newest ? gridOfRow(newest) : undefined;
}

export async function gridVersion(ch: Clickhouse, campaignId: string, version: number): Promise<GridVersion | undefined> {
  const row = await qualitySql.gridVersion(ch, campaignId, version);
  return row ? gridOfRow(row) : undefined;
}

interface Editor extends AuditActor { name: string }
interface CampaignRef { id: string; code: string; outsourcer_org_id: string; client_org_id?: string }

/** Saves the grid as its next version; past evaluations keep the version they were made with. */
export async function saveGrid(ch: Clickhouse, campaign: CampaignRef, editor: Editor, grid: { name: string; sections: Section[] }, now: number): Promise<GridVersion> {
  const [newest] = await qualitySql.gridVersions(ch, campaign.id);
  const version = (newest ? Number(newest.version) : 0) + 1;
  const sections = normaliseSections(grid.sections);
  const row: GridRow = {
    campaign_id: campaign.id, org_id: campaign.outsourcer_org_id, version, name: grid.name, sections: JSON.stringify(sections),
    edited_by: editor.id, edited_by_name: editor.name, edited_at: now,
  };
  await audited(ch, editor, {
    action: 'quality.grid', subject: { type: 'campaign', id: campaign.id }, orgIds: [campaign.outsourcer_org_id],
    summary: `${campaign.code} v${version}`,
    detail: { version, criteria: sections.reduce((n, s) => n + s.criteria.length, 0) },
  }, () => qualitySql.putGrid(ch, row), now);
  return gridOfRow({ ...row, edited_at: new Date(now).toISOString() });
}

export async function setSampling(ch: Clickhouse, campaign: CampaignRef, editor: Editor, perAgentWeek: number, now: number): Promise<void> {
  const before = (await qualitySql.sampling(ch, campaign.id)) ?? DEFAULT_PER_AGENT_WEEK;
  await audited(ch, editor, {
    action: 'quality.sampling', subject: { type: 'campaign', id: campaign.id }, orgIds: [campaign.outsourcer_org_id],
    summary: campaign.code, detail: { before, after: perAgentWeek },
  }, () => qualitySql.putSampling(ch, campaign.id, perAgentWeek, editor.id, now), now);
}
