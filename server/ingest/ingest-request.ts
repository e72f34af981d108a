// POST /api/v1/ingest's work once the key is known: the body read up to the limit (413 past it, nothing stored),
// then ingested; the answer lists what was accepted and why each refused line was.
import type { Clickhouse } from '@/clickhouse/client';
import { jsonError } from '@/server/http/answer';
import { bodyLimit, BodyTooLargeError, readBodyText, type BodyText } from '@/server/http/body';
import { ingestNdjson } from './service';

export async function answerIngest(ch: Clickhouse, orgId: string, req: Request): Promise<Response> {
  let body: BodyText;
  try {
    body = await readBodyText(req, bodyLimit());
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, `${err.message}: nothing was stored; split it into smaller requests`);
    throw err;
  }
  let result: Awaited<ReturnType<typeof ingestNdjson>>;
  try {
    result = await ingestNdjson(ch, orgId, body.text);
  } catch (err) {
    // The writer keeps nothing of a request it could not store, and fails no other request with it.
    console.error(`Ingest: a request of ${orgId} could not be stored: ${(err as Error).message}`);
    return jsonError(500, 'The records could not be stored: nothing of this request was kept; send it again');
  }
  if (body.invalidUtf8Lines.length === 0) return Response.json(result);
  const undecodable = body.invalidUtf8Lines.map((line) => ({ line, error: 'is not valid UTF-8: nothing of this line was stored' }));
  return Response.json({ ...result, rejected: [...result.rejected, ...undecodable].sort((a, b) => a.line - b.line) });
}
