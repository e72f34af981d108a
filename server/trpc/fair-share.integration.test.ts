// One account must not slow the others down: through the real router on a real engine, another account's call
// takes its turn while a manager has two full batches of KPI queries waiting, and an account with too many
// calls waiting is told to slow down (issue 22, fault 4). The figures under load: npm run bench:fairness.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { authorizeCredentials } from '@/server/auth/credentials';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { MAX_BATCH_CALLS } from './batch';
import { MAX_WAITING_PER_ACCOUNT, PER_ACCOUNT_RUNNING } from './init';
import { createCaller } from './root';
import { userMessageOf } from './user-error';

let engine: TestEngine;
const as = async (email: string) => createCaller({ ch: engine.ch, user: (await authorizeCredentials(engine.ch, email, DEMO_PASSWORD))!, now: Date.now });
const range = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2026, 11, 1) };

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
});
afterAll(() => engine.close());

describe('the engine shared between accounts', () => {
  it('runs another account’s call in its turn, not behind every waiting call of a busy one', async () => {
    const manager = await as('manager@callpro.test');
    const client = await as('client@horizon.test');
    let managerDone = 0;
    const heavy = Array.from({ length: 2 * MAX_BATCH_CALLS }, () => manager.kpi.agents(range).then(() => managerDone++));
    const doneWhenClientAnswered = await client.campaigns.list().then(() => managerDone);
    await Promise.all(heavy);
    // It starts at once beside the manager's running calls: at most those may end first.
    expect(doneWhenClientAnswered).toBeLessThanOrEqual(PER_ACCOUNT_RUNNING);
  });

  it('tells an account with too many calls waiting to slow down, and only that account', async () => {
    const manager = await as('manager@callpro.test');
    const client = await as('client@acme.test');
    const refusals: string[] = [];
    const calls = Array.from({ length: PER_ACCOUNT_RUNNING + MAX_WAITING_PER_ACCOUNT + 5 }, () => manager.campaigns.list().then(() => 'OK', (err: TRPCError) => {
      refusals.push(userMessageOf(err)?.key ?? err.message);
      return err.code;
    }));
    const other = client.campaigns.list();
    const codes = await Promise.all(calls);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(PER_ACCOUNT_RUNNING + MAX_WAITING_PER_ACCOUNT);
    expect((await other).length).toBeGreaterThan(0);
    expect(new Set(refusals)).toEqual(new Set(['error.tooManyWaiting']));
  });
});
