// Storing an upload: type and content checked on the first bytes, size capped while streaming, a record
// in ClickHouse and an event in the partnership's feed. Nothing is kept when any step fails.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { workspace, type StoredFile } from '@/clickhouse/queries/workspace';
import type { FilePurpose } from '@/clickhouse/vocabulary';
import type { Actor } from '@/server/workspace/actor';
import { recordActivity } from '@/server/workspace/activity';
import { checkUpload } from './policy';
import type { FileStorage } from './storage';

export class UploadRefused extends Error {}

export interface UploadInput {
  purpose: FilePurpose;
  name: string;
  partnershipId: string;
  campaignId: string;
  ownerOrgId: string;
  actor: Actor;
  body: AsyncIterable<Uint8Array>;
  limit: number;
  /** Files the product writes itself (rejected rows) do not announce themselves in the feed. */
  quiet?: boolean;
}

/** Yields the stream again with its first chunk, after checking that chunk. */
async function* checkedStream(body: AsyncIterable<Uint8Array>, check: (head: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of body) {
    if (first) {
      check(chunk.subarray(0, 4096));
      first = false;
    }
    yield chunk;
  }
  if (first) throw new UploadRefused('The file is empty');
}

export async function storeUpload(ch: Clickhouse, storage: FileStorage, input: UploadInput): Promise<StoredFile> {
  let checked: { name: string; contentType: string } | undefined;
  const stored = await storage.put(
    checkedStream(input.body, (head) => {
      const result = checkUpload(input.purpose, input.name, head);
      if (!result.ok) throw new UploadRefused(result.error);
      checked = result;
    }),
    input.limit,
  );
  const file: StoredFile = {
    id: randomUUID(),
    partnership_id: input.partnershipId,
    owner_org_id: input.ownerOrgId,
    campaign_id: input.campaignId,
    purpose: input.purpose,
    name: checked!.name,
    storage_key: stored.key,
    size: stored.size,
    content_type: checked!.contentType,
    sha256: stored.sha256,
    uploaded_by: input.actor.id,
    uploaded_by_name: input.actor.name,
    uploaded_at: new Date().toISOString(),
  };
  try {
    await workspace.putFile(ch, file);
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
  if (input.partnershipId && !input.quiet) {
    await recordActivity(ch, {
      partnershipId: input.partnershipId, actor: input.actor, kind: 'file_uploaded',
      subject: { type: 'file', id: file.id }, params: { name: file.name, purpose: file.purpose, size: file.size },
    });
  }
  return file;
}
