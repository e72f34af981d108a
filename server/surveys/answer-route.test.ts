// The public survey answer's per-address limit, through the route's own handler: the requests carry a body the
// route refuses (400) before it asks the engine anything, so what is counted is every request, whatever it says.
import { describe, expect, it } from 'vitest';
import { ANSWER_LIMITS, answerRoute } from './answer-route';

const post = (address: string) => answerRoute(new Request('http://relais.test/api/surveys/answer', {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{"token":"nope"}',
}));

describe('POST /api/surveys/answer from one address', () => {
  it(`is answered ${ANSWER_LIMITS.limit} times in ${ANSWER_LIMITS.windowMs / 60_000} minutes, then waits (429, Retry-After), other addresses still answered`, async () => {
    const statuses = [];
    for (let i = 0; i < ANSWER_LIMITS.limit; i++) statuses.push((await post('203.0.113.7')).status);
    expect(new Set(statuses)).toEqual(new Set([400]));
    const held = await post('203.0.113.7');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(await held.json()).toEqual({ error: 'Too many answers from this address: try again later' });
    expect((await post('198.51.100.4')).status).toBe(400);
  });
});
