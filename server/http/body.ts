// Reads a request body up to a byte limit; past it, stops reading and reports it, so nothing is parsed.
import { isAscii, isUtf8 } from 'node:buffer';
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

/** A body's text, with the 1-based lines that were not valid UTF-8 blanked out and listed (never half-decoded). */
export interface BodyText {
  text: string;
  invalidUtf8Lines: number[];
}

export async function readBodyText(req: Request, limit: number): Promise<BodyText> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return { text: '', invalidUtf8Lines: [] };
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
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), invalidUtf8Lines: [] };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), invalidUtf8Lines: [] };
  return blankInvalidLines(bytes);
}

// Decoding would turn "Z\xe9" into "Z\ufffd" silently: such a line is emptied (its number kept) for the caller to refuse.
function blankInvalidLines(bytes: Buffer): BodyText {
  const lines: string[] = [];
  const invalidUtf8Lines: number[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    const line = bytes.subarray(start, end);
    if (isUtf8(line)) lines.push(line.toString('utf8'));
    else {
      lines.push('');
      invalidUtf8Lines.push(lines.length);
    }
    start = end + 1;
  }
  return { text: lines.join('\n'), invalidUtf8Lines };
}
