// Integration-test support: the two consent routes of the public API as app/api/v1/consents/** wires them (the key
// checked, then the server's handler), for server/testing/http.ts's serveRoutes (server/ tests may not import app/).
import { authenticate } from '@/server/http/api-auth';
import { answerConsents, answerWithdrawals } from '@/server/numbers/consent-request';

const withKey = (answer: typeof answerConsents) => async (req: Request): Promise<Response> => {
  const api = await authenticate(req);
  return api instanceof Response ? api : answer(api, req);
};

export const consentRoutes = [
  { method: 'POST', pattern: /^\/api\/v1\/consents$/, handler: withKey(answerConsents) as never },
  { method: 'POST', pattern: /^\/api\/v1\/consents\/withdrawals$/, handler: withKey(answerWithdrawals) as never },
];
