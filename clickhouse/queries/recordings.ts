// SQL of call recordings (clickhouse/migrations/0012_call_recordings.sql, 0015_recording_access.sql): a recorded call
// looked up inside a set of campaigns, the first organization that named a file, the partnerships' listening policy,
// the playback log and the retention purge's expiries.
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';
import { insertRows, selectRows } from './rows';

const DAY_MS = 86_400_000;

/** A stored call, as the access rule and the file route need it (`recording_path` '' when not recorded). Times in epoch ms. */
export interface RecordedCallRow {
  org_id: string;
  campaign_id: string;
  id: string;
  agent: string;
  recording_path: string;
  started_at: number;
}

/** The live version of a call among `campaignIds`, once per campaign holding that id (call ids are unique per campaign), two at most. */
export async function callsIn(ch: Clickhouse, campaignIds: readonly string[], callId: string): Promise<RecordedCallRow[]> {
  if (campaignIds.length === 0) return [];
  const rows = await selectRows<Omit<RecordedCallRow, 'started_at'> & { started_ms: string }>(ch,
    `SELECT org_id, campaign_id, id, agent, recording_path, toUnixTimestamp64Milli(started_at) AS started_ms FROM calls FINAL
     WHERE id = {id:String} AND campaign_id IN {cs:Array(String)} AND sign = 1
     ORDER BY campaign_id LIMIT 1 BY campaign_id LIMIT 2`,
    { id: callId, cs: [...campaignIds] });
  return rows.map((row) => ({ ...row, started_at: Number(row.started_ms) }));
}

/**
 * The organization whose call named the file first. A path names the UTC day its audio started
 * (`<yyyy-mm-dd>/…`): the calls that could have named it started within a day of it.
 */
export async function firstClaimantOf(ch: Clickhouse, recordingPath: string): Promise<string | undefined> {
  const day = Date.parse(`${recordingPath.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day)) return undefined;
  const [first] = await selectRows<{ org_id: string }>(ch,
    `SELECT argMin(org_id, ingested_at) AS org_id FROM calls
     WHERE recording_path = {p:String} AND sign = 1
       AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})
     HAVING count() > 0`,
    { p: recordingPath, from: day - 2 * DAY_MS, to: day + DAY_MS });
  return first?.org_id;
}

// --- The partnership's policy ---------------------------------------------------------------------------------

export interface RecordingPolicyRow {
  partnership_id: string;
  client_may_listen: boolean;
  retention_days: number;
  changed_by: string;
  changed_by_name: string;
  /** Epoch ms. */
  changed_at: number;
}

export async function policiesOf(ch: Clickhouse, partnershipIds: readonly string[]): Promise<RecordingPolicyRow[]> {
  if (partnershipIds.length === 0) return [];
  const rows = await selectRows<Record<string, string | number>>(ch,
    `SELECT partnership_id, client_may_listen, retention_days, changed_by, changed_by_name, toUnixTimestamp64Milli(changed_at) AS changed_at
     FROM recording_policies FINAL WHERE partnership_id IN {ids:Array(String)}`,
    { ids: [...partnershipIds] });
  return rows.map((r) => ({
    partnership_id: String(r.partnership_id), client_may_listen: Number(r.client_may_listen) === 1, retention_days: Number(r.retention_days),
    changed_by: String(r.changed_by), changed_by_name: String(r.changed_by_name), changed_at: Number(r.changed_at),
  }));
}

/** Every partnership that has a stored policy (the purge applies the default to the others). */
export async function allPolicies(ch: Clickhouse): Promise<RecordingPolicyRow[]> {
  const ids = await selectRows<{ partnership_id: string }>(ch, 'SELECT DISTINCT partnership_id FROM recording_policies');
  return policiesOf(ch, ids.map((r) => r.partnership_id));
}

export async function putPolicy(ch: Clickhouse, row: RecordingPolicyRow): Promise<void> {
  await insertRows(ch, 'recording_policies', [{ ...row, client_may_listen: row.client_may_listen ? 1 : 0, version: nextVersion(row.changed_at) }]);
}

// --- The playback log -----------------------------------------------------------------------------------------

export interface PlaybackRow {
  id: string;
  /** Epoch ms. */
  at: number;
  org_id: string;
  campaign_id: string;
  call_id: string;
  user_id: string;
  user_email: string;
  user_name: string;
  user_org_id: string;
  role: string;
}

export async function insertPlayback(ch: Clickhouse, row: PlaybackRow): Promise<void> {
  await insertRows(ch, 'recording_playbacks', [row]);
}

const PLAYBACK_COLUMNS = `id, toUnixTimestamp64Milli(at) AS at_ms, org_id, campaign_id, call_id, user_id, user_email, user_name, user_org_id, role`;
const playbackOf = ({ at_ms, ...r }: Omit<PlaybackRow, 'at'> & { at_ms: string }): PlaybackRow => ({ ...r, at: Number(at_ms) });

/** A call's playbacks, newest first. */
export async function playbacksOfCall(ch: Clickhouse, orgId: string, campaignId: string, callId: string, limit = 500): Promise<PlaybackRow[]> {
  return (await selectRows<Omit<PlaybackRow, 'at'> & { at_ms: string }>(ch,
    `SELECT ${PLAYBACK_COLUMNS} FROM recording_playbacks
     WHERE org_id = {org:String} AND campaign_id = {c:String} AND call_id = {id:String}
     ORDER BY at DESC, id LIMIT {limit:UInt32}`,
    { org: orgId, c: campaignId, id: callId, limit })).map(playbackOf);
}

/** The playbacks of an organization's calls in `campaignIds` over `[from, to)`, newest first (the audit page's view). */
export async function playbacksInRange(ch: Clickhouse, orgId: string, campaignIds: readonly string[], from: number, to: number, limit = 500): Promise<PlaybackRow[]> {
  if (campaignIds.length === 0) return [];
  return (await selectRows<Omit<PlaybackRow, 'at'> & { at_ms: string }>(ch,
    `SELECT ${PLAYBACK_COLUMNS} FROM recording_playbacks
     WHERE org_id = {org:String} AND campaign_id IN {cs:Array(String)}
       AND at >= fromUnixTimestamp64Milli({from:Int64}) AND at < fromUnixTimestamp64Milli({to:Int64})
     ORDER BY at DESC, id LIMIT {limit:UInt32}`,
    { org: orgId, cs: [...campaignIds], from, to, limit })).map(playbackOf);
}

// --- Retention ------------------------------------------------------------------------------------------------

export interface ExpiryRow {
  org_id: string;
  campaign_id: string;
  call_id: string;
  recording_path: string;
  /** Epoch ms. */
  expired_at: number;
  retention_days: number;
  file_deleted: boolean;
}

/** When the call's recording expired, if it did. */
export async function expiryOf(ch: Clickhouse, campaignId: string, callId: string): Promise<ExpiryRow | undefined> {
  const [row] = await selectRows<Record<string, string | number>>(ch,
    `SELECT org_id, campaign_id, call_id, recording_path, toUnixTimestamp64Milli(expired_at) AS expired_at, retention_days, file_deleted
     FROM recording_expiries FINAL WHERE campaign_id = {c:String} AND call_id = {id:String} LIMIT 1`,
    { c: campaignId, id: callId });
  return row && {
    org_id: String(row.org_id), campaign_id: String(row.campaign_id), call_id: String(row.call_id), recording_path: String(row.recording_path),
    expired_at: Number(row.expired_at), retention_days: Number(row.retention_days), file_deleted: Number(row.file_deleted) === 1,
  };
}

/**
 * Every campaign ever made, deleted ones too, with its partnership's id and outsourcer: the retention purge's reach.
 * A deleted campaign or partnership keeps its calls' recordings on disk, so they must still expire.
 */
export function everyCampaignForRetention(ch: Clickhouse): Promise<{ campaign_id: string; partnership_id: string; outsourcer_org_id: string }[]> {
  return selectRows(ch,
    `SELECT c.id AS campaign_id, c.partnership_id AS partnership_id, p.outsourcer_org_id AS outsourcer_org_id
     FROM (SELECT id, partnership_id FROM campaigns FINAL) AS c
     INNER JOIN (SELECT id, outsourcer_org_id FROM partnerships FINAL) AS p ON c.partnership_id = p.id
     ORDER BY partnership_id, campaign_id`, {});
}

// Aliases never take a column's name: ClickHouse would read the alias in WHERE.
/** Recorded calls of `campaignIds` that started before `before` (epoch ms) and are not marked expired yet, oldest first. */
export async function recordingsToExpire(ch: Clickhouse, campaignIds: readonly string[], before: number, limit: number): Promise<RecordedCallRow[]> {
  if (campaignIds.length === 0) return [];
  const rows = await selectRows<Omit<RecordedCallRow, 'started_at'> & { started_ms: string }>(ch,
    `SELECT org_id, campaign_id, id, agent, recording_path, toUnixTimestamp64Milli(started_at) AS started_ms FROM calls FINAL
     WHERE campaign_id IN {cs:Array(String)} AND sign = 1 AND recording_path != '' AND started_at < fromUnixTimestamp64Milli({before:Int64})
       AND (campaign_id, id) NOT IN (SELECT campaign_id, call_id FROM recording_expiries WHERE campaign_id IN {cs:Array(String)})
     ORDER BY started_at LIMIT {limit:UInt32}`,
    { cs: [...campaignIds], before, limit });
  return rows.map(({ started_ms, ...r }) => ({ ...r, started_at: Number(started_ms) }));
}

export async function insertExpiries(ch: Clickhouse, rows: readonly ExpiryRow[]): Promise<void> {
  await insertRows(ch, 'recording_expiries', rows.map((r) => ({ ...r, file_deleted: r.file_deleted ? 1 : 0 })));
}
