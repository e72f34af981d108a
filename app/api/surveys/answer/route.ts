// POST /api/surveys/answer {token, score, resolved, comment} — public (no session): a customer answers the survey of
// their call through its link (server/surveys/answer-route.ts).
import { answerRoute } from '@/server/surveys/answer-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = (req: Request): Promise<Response> => answerRoute(req);
