// The public API's gate: a Bearer API key names the calling organization, or the request gets a JSON 401.
import { clickhouse, type Clickhouse } from '@/clickhouse/client';
import { verifyApiKey } from '@/server/api-keys/keys';
import { jsonError } from './answer';

/** What a public API handler works with: the one ClickHouse client and the key's (outsourcer) organization. */
export interface ApiCaller {
  ch: Clickhouse;
  orgId: string;
  /** Who the audit log and the targets' history name for the key's changes. */
  actor: KeyActor;
}

export interface KeyActor { id: string; email: string; name: string }

/** An API key as the author of a change: one name wherever it changes things. */
export function keyActor(key: { id: string; name: string; prefix: string }): KeyActor {
  return { id: `apikey:${key.id}`, email: `API key ${key.name} (${key.prefix}…)`, name: `API key ${key.name}` };
}

/** The caller, or the 401 response to send. */
export async function authenticate(req: Request): Promise<ApiCaller | Response> {
  const ch = clickhouse();
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const key = match ? await verifyApiKey(ch, match[1]) : null;
  return key ? { ch, orgId: key.org_id, actor: keyActor(key) } : jsonError(401, 'Missing or invalid API key (Authorization: Bearer <key>)');
}
