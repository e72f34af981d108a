// SQL of a campaign's KPI targets (0010): one set per campaign, the brief's, every save a new revision.
// Every reader (live monitor, reports, the API, alerts) goes through `latestTargets`.
import type { Clickhouse } from '../client';
import { insertRows, selectRows } from './rows';

/** The KPI targets of a campaign: rates as fractions, AHT in seconds, NPS −100…100; null: no target. */
export interface Targets {
  target_service_level: number | null;
  target_sal: number | null;
  /** The SAL window: contacts reached within this many hours. */
  target_sal_hours: number | null;
  target_conversion_rate: number | null;
  target_aht_seconds: number | null;
  target_nps: number | null;
  target_abandon_rate: number | null;
}
export const TARGET_KEYS = [
  'target_service_level', 'target_sal', 'target_sal_hours', 'target_conversion_rate', 'target_aht_seconds', 'target_nps', 'target_abandon_rate',
] as const satisfies readonly (keyof Targets)[];
export const NO_TARGETS: Targets = Object.fromEntries(TARGET_KEYS.map((k) => [k, null])) as unknown as Targets;

export interface TargetRevision extends Targets {
  campaign_id: string;
  partnership_id: string;
  revision: number;
  edited_by: string;
  edited_by_name: string;
  /** ISO instant. */
  edited_at: string;
}

const COLUMNS = `campaign_id, partnership_id, revision, ${TARGET_KEYS.join(', ')}, edited_by, edited_by_name,
  formatDateTime(edited_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS edited_at`;

export const targetsSql = {
  /** Every revision of these campaigns' targets, newest first. */
  history: (ch: Clickhouse, campaignIds: string[]) =>
    selectRows<TargetRevision>(ch, `SELECT ${COLUMNS} FROM campaign_targets FINAL WHERE campaign_id IN {ids:Array(String)} ORDER BY campaign_id, revision DESC`, { ids: campaignIds }),

  put: (ch: Clickhouse, row: TargetRevision) => insertRows(ch, 'campaign_targets', [{ ...row, edited_at: Date.parse(row.edited_at) }]),
};

/** The one reader of targets: each campaign's newest revision, no targets for a campaign never given any. */
export async function latestTargets(ch: Clickhouse, campaignIds: string[]): Promise<Map<string, Targets>> {
  const out = new Map<string, Targets>(campaignIds.map((id) => [id, NO_TARGETS]));
  if (!campaignIds.length) return out;
  const rows = await selectRows<TargetRevision>(
    ch,
    // The newest revision's row whole: argMax would skip a NULL, so a target cleared later would come back.
    `SELECT campaign_id, ${TARGET_KEYS.join(', ')}
     FROM campaign_targets FINAL WHERE campaign_id IN {ids:Array(String)} ORDER BY campaign_id, revision DESC LIMIT 1 BY campaign_id`,
    { ids: campaignIds },
  );
  for (const r of rows) out.set(r.campaign_id, pickTargets(r));
  return out;
}

export function pickTargets(r: Partial<Targets>): Targets {
  return Object.fromEntries(TARGET_KEYS.map((k) => [k, r[k] ?? null])) as unknown as Targets;
}
