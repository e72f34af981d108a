// Bearer API-key authentication of the public API; answers carry JSON errors.
import { clickhouse } from '@/clickhouse/client';
import type { ApiKey } from '@/clickhouse/queries/api-keys';
import { verifyApiKey } from '@/server/api-keys/keys';

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

/** The key's record, or the 401 response to send. */
export async function authenticate(req: Request): Promise<ApiKey | Response> {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const key = match ? await verifyApiKey(clickhouse(), match[1]) : null;
  return key ?? jsonError(401, 'Missing or invalid API key (Authorization: Bearer <key>)');
}
