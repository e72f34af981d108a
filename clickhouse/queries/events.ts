// SQL for call events: the stored live version of re-sent records (to cancel them) and the inserts.
import type { Clickhouse } from '../client';
import { insertCompactRows } from './rows';

export type StoredRow = Record<string, unknown> & { campaign_id: string; id: string; sign: number; version: string | number };

/**
 * The live row of each (campaign, id) among those given, read without FINAL: rows are summed by
 * version, and the version whose signs do not cancel out is the live one.
 */
export async function liveRows(ch: Clickhouse, table: 'calls' | 'surveys', keys: { campaign_id: string; id: string }[]) {
  const live = new Map<string, StoredRow>();
  if (keys.length === 0) return live;
  const rs = await ch.query({
    query: `SELECT * FROM ${table} WHERE campaign_id IN {campaigns:Array(String)} AND id IN {ids:Array(String)}`,
    query_params: { campaigns: [...new Set(keys.map((k) => k.campaign_id))], ids: [...new Set(keys.map((k) => k.id))] },
    format: 'JSONEachRow',
  });
  const byVersion = new Map<string, { sum: number; row?: StoredRow }>();
  for (const row of await rs.json<StoredRow>()) {
    const key = `${row.campaign_id}\u0000${row.id}\u0000${row.version}`;
    const entry = byVersion.get(key) ?? { sum: 0 };
    entry.sum += Number(row.sign);
    if (Number(row.sign) > 0) entry.row = row;
    byVersion.set(key, entry);
  }
  for (const { sum, row } of byVersion.values()) if (sum > 0 && row) live.set(`${row.campaign_id}\u0000${row.id}`, row);
  return live;
}

/** Event rows inserted as arrays (see `insertCompactRows`). */
export function insertRows(ch: Clickhouse, table: 'calls' | 'surveys' | 'agent_states', values: object[]) {
  return insertCompactRows(ch, table, values);
}
