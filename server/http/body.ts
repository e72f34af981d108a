// Reads a request body up to a byte limit; past it, stops reading and reports it, so nothing is parsed.
import { isAscii } from 'node:buffer';
import { serverEnv } from '@/server/startup/env';

export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Body larger than ${limit} bytes`);
  }
}

export function bodyLimit(mib = serverEnv().RELAIS_INGEST_MAX_MIB): number {
  return mib ? Math.floor(mib * 1024 * 1024) : DEFAULT_BODY_LIMIT;
}

export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  // An ASCII body (nearly every NDJSON body) reads as the same text byte for byte, ~4× faster than UTF-8 decoding.
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
