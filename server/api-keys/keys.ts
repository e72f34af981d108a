// API keys of outsourcer organizations: created once and shown once, stored as a SHA-256, revocable.
import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { apiKeys, type ApiKey } from '@/clickhouse/queries/api-keys';
import { processSingleton } from '@/clickhouse/process-singleton';

export const KEY_PREFIX = 'rk_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateKey(): string {
  return `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** Returns the key in clear: the only time it exists outside the caller's hands. */
export async function createApiKey(ch: Clickhouse, orgId: string, name: string, createdBy: string, key = generateKey()) {
  const row: ApiKey = {
    id: randomUUID(),
    org_id: orgId,
    name,
    key_hash: hashKey(key),
    prefix: key.slice(0, 8),
    created_by: createdBy,
    created_at: Date.now(),
    revoked_at: null,
  };
  await apiKeys.put(ch, row);
  cache.clear();
  return { key, record: row };
}

export async function revokeApiKey(ch: Clickhouse, orgId: string, id: string): Promise<boolean> {
  const key = (await apiKeys.ofOrg(ch, orgId)).find((k) => k.id === id);
  if (!key || key.revoked_at) return false;
  await apiKeys.put(ch, { ...key, revoked_at: Date.now() });
  cache.clear();
  return true;
}

// Verified keys are cached briefly so a stream of ingest requests costs one lookup, not one per request;
// revocation clears the cache, so it takes effect at once in this process.
const cache = processSingleton('api-key-cache', () => new Map<string, { key: ApiKey | null; until: number }>());
const lastUsedWritten = processSingleton('api-key-last-used', () => new Map<string, number>());

export async function verifyApiKey(ch: Clickhouse, presented: string | null | undefined): Promise<ApiKey | null> {
  if (!presented || !presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
  const hash = hashKey(presented);
  const now = Date.now();
  let hit = cache.get(hash);
  if (!hit || hit.until < now) {
    const key = (await apiKeys.byHash(ch, hash)) ?? null;
    hit = { key: key && !key.revoked_at ? key : null, until: now + 30_000 };
    cache.set(hash, hit);
  }
  if (hit.key && (lastUsedWritten.get(hit.key.id) ?? 0) < now - 60_000) {
    lastUsedWritten.set(hit.key.id, now);
    await apiKeys.touch(ch, hit.key.id, now);
  }
  return hit.key;
}

/** RELAIS_BOOTSTRAP_API_KEY (its form checked with the environment): a key with a known value for automation, created once for an outsourcer. */
export async function ensureBootstrapKey(ch: Clickhouse, key: string, orgId: string): Promise<boolean> {
  if (await apiKeys.byHash(ch, hashKey(key))) return false;
  await createApiKey(ch, orgId, 'Bootstrap (RELAIS_BOOTSTRAP_API_KEY)', 'system', key);
  return true;
}
