// POST /api/surveys/answer's whole answer (the route only wires it): public, no session — a customer answers the
// survey of their call through its link. The token is the only credential; the answer says nothing but the token's
// state (answered, expired, unknown) and reads nothing back. An address sending more answers than a household
// would (30 in 10 minutes) waits (429 with Retry-After) before the engine is asked anything.
import { z } from 'zod';
import { processSingleton } from '@/clickhouse/process-singleton';
import { AddressLimiter } from '@/server/http/address-limiter';
import { jsonError } from '@/server/http/answer';
import { BodyTooLargeError, readBodyText } from '@/server/http/body';
import { crossSiteRefusal } from '@/server/http/same-origin';
import { answerSurveyOfPage, AnswerRefused } from './links';
import { ANSWER_COMMENT_MAX, TOKEN_PATTERN } from './token';

export const ANSWER_LIMITS = { limit: 30, windowMs: 10 * 60_000, maxKeys: 50_000 };

const answer = z.object({
  token: z.string().regex(TOKEN_PATTERN),
  score: z.number().int().min(0).max(10),
  resolved: z.boolean().nullable(),
  comment: z.string().max(ANSWER_COMMENT_MAX),
}).strict();

const STATUS = { unknown: 404, expired: 410, answered: 409 } as const;

const limiter = () => processSingleton('survey-answer-limiter', () => new AddressLimiter(ANSWER_LIMITS));

export async function answerRoute(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req, jsonError);
  if (refused) return refused;
  // server/main.ts sets the header from the socket (or a trusted proxy): a client cannot choose it.
  const wait = limiter().take(req.headers.get('x-forwarded-for') || 'unknown');
  if (wait > 0) return Response.json({ error: 'Too many answers from this address: try again later' }, { status: 429, headers: { 'Retry-After': String(wait) } });
  // Read with a cap, whatever the headers say (a chunked body has no content-length).
  let body: unknown = null;
  try {
    body = JSON.parse((await readBodyText(req, 16_384)).text);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, 'Too large');
  }
  const parsed = answer.safeParse(body);
  if (!parsed.success) return jsonError(400, 'Send {"token", "score": 0–10, "resolved": true|false|null, "comment"}');
  const { token, ...given } = parsed.data;
  try {
    await answerSurveyOfPage(token, { ...given, comment: given.comment.trim() });
    return Response.json({ state: 'answered' });
  } catch (err) {
    if (!(err instanceof AnswerRefused)) throw err;
    return Response.json({ state: err.state }, { status: STATUS[err.state] });
  }
}
