// The agent desk's SIP credentials through tRPC on chDB: minted for the signed-in agent's own SIP user only, as
// Kamailio's auth_ephemeral checks them (dialer/sip/auth.integration.test.ts proves the proxy takes such a pair);
// every other role refused; an agent without a code, or whose code another outsourcer's agent also has, gets none.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { mintSipCredentials } from '@/dialer/sip/ephemeral-credentials';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { createUser } from '@/server/users/create-user';
import { DESK_CREDENTIALS_TTL_SECONDS } from './router';
import { setSipProxy } from './sip-proxy';

let engine: TestEngine;
const SECRET = 'f'.repeat(64);

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
});
afterAll(() => engine.close());
afterEach(() => setSipProxy(null));

const messageOf = (call: Promise<unknown>) => call.then(() => '', (e: unknown) => (e instanceof TRPCError ? e.message : String(e)));

describe('desk.sipCredentials', () => {
  it('mints credentials for the signed-in agent’s own SIP user, valid ten minutes', async () => {
    setSipProxy({ ws: 'ws://127.0.0.1:8088', secret: SECRET });
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    const before = Date.now();
    const got = await agent.desk.sipCredentials();
    if (!got.available) throw new Error(`expected credentials, got: ${got.reason}`);
    expect(got).toMatchObject({ wsUrl: 'ws://127.0.0.1:8088', sipUri: 'sip:agent-a1@relais.local' });
    expect(got.username).toBe(`${got.expiresAt / 1000}:agent-a1`);
    expect(got.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + DESK_CREDENTIALS_TTL_SECONDS * 1000);
    expect(got.expiresAt).toBeLessThanOrEqual(Date.now() + DESK_CREDENTIALS_TTL_SECONDS * 1000);
    expect(got.password).toBe(mintSipCredentials(SECRET, 'agent-a1', DESK_CREDENTIALS_TTL_SECONDS, got.expiresAt - DESK_CREDENTIALS_TTL_SECONDS * 1000).password);
    // Another agent gets its own user, never the first one's.
    const other = await callerAs(engine.ch, 'agent3@callpro.test');
    expect(await other.desk.sipCredentials()).toMatchObject({ available: true, sipUri: 'sip:agent-a3@relais.local' });
  });

  it('hands each agent its own TURN credentials when a TURN server is configured, none otherwise', async () => {
    setSipProxy({ ws: 'ws://127.0.0.1:8088', secret: SECRET });
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    const plain = await agent.desk.sipCredentials();
    expect(plain.available && plain.iceServers).toEqual([]);
    process.env.RELAIS_TURN_URLS = 'turn:turn.example.com:3478?transport=udp';
    process.env.RELAIS_TURN_SECRET = 't'.repeat(32);
    try {
      const got = await agent.desk.sipCredentials();
      if (!got.available) throw new Error(got.reason);
      expect(got.iceServers).toHaveLength(1);
      expect(got.iceServers[0]).toMatchObject({ urls: ['turn:turn.example.com:3478?transport=udp'], username: expect.stringMatching(/^\d+:agent-a1$/) });
      const other = await (await callerAs(engine.ch, 'agent3@callpro.test')).desk.sipCredentials();
      expect(other.available && other.iceServers[0]!.username).toMatch(/:agent-a3$/);
    } finally {
      delete process.env.RELAIS_TURN_URLS;
      delete process.env.RELAIS_TURN_SECRET;
    }
  });

  it('says why there are none while no proxy is connected, or when the portal has no secret for it', async () => {
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    expect(await agent.desk.sipCredentials()).toEqual({ available: false, reason: 'no SIP proxy configured' });
    setSipProxy({ ws: 'ws://proxy.example:8088', secret: null });
    expect(await agent.desk.sipCredentials()).toMatchObject({ available: false, reason: expect.stringContaining('RELAIS_SIP_SECRET') });
  });

  it('is for agents only: every other role, on either side, is refused', async () => {
    setSipProxy({ ws: 'ws://127.0.0.1:8088', secret: SECRET });
    for (const email of ['manager@callpro.test', 'quality@callpro.test', 'admin@callpro.test', 'client@acme.test']) {
      expect(await codeOf((await callerAs(engine.ch, email)).desk.sipCredentials()), email).toBe('FORBIDDEN');
    }
  });

  it('refuses an agent without an agent code, saying so', async () => {
    setSipProxy({ ws: 'ws://127.0.0.1:8088', secret: SECRET });
    const callpro = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer')).find((o) => o.name === 'CallPro')!;
    const email = `no-code-${randomUUID()}@callpro.test`;
    await createUser(engine.ch, { email, name: 'Agent sans code', password: DEMO_PASSWORD, role: 'agent', orgId: callpro.id });
    const agent = await callerAs(engine.ch, email);
    expect(await codeOf(agent.desk.sipCredentials())).toBe('PRECONDITION_FAILED');
    expect(await messageOf(agent.desk.sipCredentials())).toMatch(/no agent code/);
  });

  it('gives none to either agent when another outsourcer’s agent has the same code (the same SIP address)', async () => {
    setSipProxy({ ws: 'ws://127.0.0.1:8088', secret: SECRET });
    const other = { id: randomUUID(), name: `Autre centre ${randomUUID()}`, kind: 'outsourcer' as const };
    await tenancy.putOrganizations(engine.ch, [other]);
    const email = `twin-${randomUUID()}@other.test`;
    await createUser(engine.ch, { email, name: 'Jumeau', password: DEMO_PASSWORD, role: 'agent', orgId: other.id, agentCode: 'a2' });
    expect(await codeOf((await callerAs(engine.ch, email)).desk.sipCredentials())).toBe('CONFLICT');
    expect(await codeOf((await callerAs(engine.ch, 'agent2@callpro.test')).desk.sipCredentials())).toBe('CONFLICT');
    expect(await codeOf((await callerAs(engine.ch, 'agent1@callpro.test')).desk.sipCredentials())).toBe('OK');
  });
});
