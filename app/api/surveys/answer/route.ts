// POST /api/surveys/answer {token, score, resolved, comment} — public (no session): a customer answers the survey of
// their call through its link. The token is the only credential; the answer says nothing but the token's state
// (answered, expired, unknown) and reads nothing back.
import { z } from 'zod';
import { crossSiteRefusal } from '@/server/http/same-origin';
import { jsonError } from '@/server/http/answer';
import { BodyTooLargeError, readBodyText } from '@/server/http/body';
import { answerSurveyOfPage, AnswerRefused } from '@/server/surveys/links';
import { ANSWER_COMMENT_MAX, TOKEN_PATTERN } from '@/server/surveys/token';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const answer = z.object({
  token: z.string().regex(TOKEN_PATTERN),
  score: z.number().int().min(0).max(10),
  resolved: z.boolean().nullable(),
  comment: z.string().max(ANSWER_COMMENT_MAX),
}).strict();

const STATUS = { unknown: 404, expired: 410, answered: 409 } as const;

export async function POST(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req, jsonError);
  if (refused) return refused;
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
