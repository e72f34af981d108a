// Refusals reach the portal with their message key, through the real tRPC HTTP handler: the page shows them
// in the user's language; the English text stays the error's message for everything else.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalText, type RefusalKey } from './refusals';
import { authorizeCredentials } from '@/server/auth/credentials';
import type { SessionUser } from '@/server/auth/session-user';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { appRouter } from './root';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
});
afterAll(() => engine.close());

async function refusal(user: SessionUser | null, path: string, input: unknown) {
  const req = new Request(`http://portal.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: async () => ({ ch: engine.ch, user, now: Date.now }) });
  const body = (await res.json()) as { error: { message: string; data: { code: string; i18n: { key: RefusalKey; vars: Record<string, string> } | null } } };
  return { status: res.status, ...body.error };
}

describe('refusals worded for the user', () => {
  const range = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 2) };

  it('carry their key and variables, the English text as message', async () => {
    const anonymous = await refusal(null, 'kpi.agents', range);
    expect(anonymous).toMatchObject({ status: 401, message: 'Sign in first.', data: { code: 'UNAUTHORIZED', i18n: { key: 'error.signIn', vars: {} } } });
    expect(refusalText('fr', anonymous.data.i18n!.key)).toBe('Connectez-vous d’abord.');

    const agent = await authorizeCredentials(engine.ch, 'agent1@callpro.test', DEMO_PASSWORD);
    const reserved = await refusal(agent, 'kpi.agents', range);
    expect(reserved.data).toMatchObject({ code: 'FORBIDDEN', i18n: { key: 'error.reserved', vars: { roles: 'manager, quality, admin' } } });
    expect(refusalText('fr', reserved.data.i18n!.key, reserved.data.i18n!.vars)).toBe('Réservé aux rôles : manager, qualité, administrateur.');

    const manager = await authorizeCredentials(engine.ch, 'manager@callpro.test', DEMO_PASSWORD);
    const foreign = await refusal(manager, 'kpi.agents', { ...range, campaignIds: ['not-ours'] });
    expect(foreign).toMatchObject({ status: 404, message: 'No such campaign.', data: { i18n: { key: 'error.noSuch.campaign' } } });
  });

  it('leave other errors without a key', async () => {
    const manager = await authorizeCredentials(engine.ch, 'manager@callpro.test', DEMO_PASSWORD);
    const invalid = await refusal(manager, 'kpi.agents', { from: 'yesterday' });
    expect(invalid.data).toMatchObject({ code: 'BAD_REQUEST', i18n: null });
  });
});
