// Sign-in guessing against the real accounts: 60 wrong passwords in a row are not all answered, the right one
// from the guesser's address waits too, the real user elsewhere signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { limitedSignIn, SignInThrottled } from './credentials';
import { SignInLimiter } from './sign-in-limits';

let engine: TestEngine;
beforeAll(async () => { engine = await openTestEngine(); await seedDemo(engine.ch); });
afterAll(() => engine.close());

describe('limitedSignIn', () => {
  it('answers 5 wrong passwords, then makes the guesser wait with the time to wait, and lets the real user in elsewhere', async () => {
    const limits = new SignInLimiter();
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      outcomes.push(await limitedSignIn(engine.ch, 'agent2@callpro.test', `guess-${i}`, '203.0.113.7', limits)
        .then((u) => (u ? 'in' : 'wrong'), (e: unknown) => (e instanceof SignInThrottled ? `wait ${e.seconds}` : String(e))));
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('wrong'));
    // The rest wait for what is left of the 15 minutes since the first wrong one (password checks take a moment).
    for (const o of outcomes.slice(5)) expect(o).toMatch(/^wait (89\d|900)$/);
    await expect(limitedSignIn(engine.ch, 'agent2@callpro.test', DEMO_PASSWORD, '203.0.113.7', limits)).rejects.toBeInstanceOf(SignInThrottled);
    expect((await limitedSignIn(engine.ch, 'Agent2@callpro.test ', DEMO_PASSWORD, '198.51.100.2', limits))?.email).toBe('agent2@callpro.test');
  });
});
