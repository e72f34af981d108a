// The public API's gate: a Bearer API key names the calling organization, or the request gets a JSON 401.
import { clickhouse, type Clickhouse } from '@/clickhouse/client';
import { verifyApiKey } from '@/server/api-keys/keys';
import { jsonError } from './answer';

/** What a public API handler works with: the one ClickHouse client and the key's (outsourcer) organization. */
export interface ApiCaller {
  ch: Clickhouse;
  orgId: string;
  /** The key, as the audit log names who made a change. */
  key: { id: string; name: string; prefix: string };
  /** Who the audit log names for the key's changes. */
  actor: { id: string; email: string };
}

/** The caller, or the 401 response to send. */
export async function authenticate(req: Request): Promise<ApiCaller | Response> {
  const ch = clickhouse();
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const key = match ? await verifyApiKey(ch, match[1]) : null;
  return key ? { ch, orgId: key.org_id, key: { id: key.id, name: key.name, prefix: key.prefix }, actor: { id: `apikey:${key.id}`, email: `API key ${key.name} (${key.prefix}…)` } } : jsonError(401, 'Missing or invalid API key (Authorization: Bearer <key>)');
}
