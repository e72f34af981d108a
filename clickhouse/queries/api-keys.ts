// SQL for API keys and their last use.
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';

export interface ApiKey {
  id: string;
  org_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: number | string;
  revoked_at: number | string | null;
}

const COLUMNS = 'id, org_id, name, key_hash, prefix, created_by, created_at, revoked_at';

export const apiKeys = {
  put: (ch: Clickhouse, key: ApiKey) =>
    ch.insert({ table: 'api_keys', values: [{ ...key, version: nextVersion(), deleted: 0 }], format: 'JSONEachRow' }),

  byHash: async (ch: Clickhouse, hash: string): Promise<ApiKey | undefined> => {
    const rs = await ch.query({
      query: `SELECT ${COLUMNS} FROM api_keys FINAL WHERE key_hash = {hash:String} AND deleted = 0 LIMIT 1`,
      query_params: { hash },
      format: 'JSONEachRow',
    });
    return (await rs.json<ApiKey>())[0];
  },

  ofOrg: async (ch: Clickhouse, orgId: string) => {
    const rs = await ch.query({
      query: `SELECT ${COLUMNS}, u.last_used_at AS last_used_at
              FROM (SELECT * FROM api_keys FINAL WHERE org_id = {org:String} AND deleted = 0) AS k
              LEFT JOIN (SELECT key_id, max(last_used_at) AS last_used_at FROM api_key_usage GROUP BY key_id) AS u
                ON u.key_id = k.id
              ORDER BY created_at DESC`,
      query_params: { org: orgId },
      format: 'JSONEachRow',
      clickhouse_settings: { join_use_nulls: 1 },
    });
    return rs.json<ApiKey & { last_used_at: string | null }>();
  },

  touch: (ch: Clickhouse, keyId: string, at: number) =>
    ch.insert({ table: 'api_key_usage', values: [{ key_id: keyId, last_used_at: at }], format: 'JSONEachRow' }),
};
