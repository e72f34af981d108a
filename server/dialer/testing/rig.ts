// Test support for the dialer as the portal runs it, against real parts: chDB with the demo data, Kamailio, the
// SIPp customer mix (dialer/sip/scenarios/mix.xml: the last digit of a number picks its behaviour), agents' phones
// registered as sip.js endpoints, and the portal's record sink. Also reads back what the dialer wrote.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { AgentEndpoint } from '@/dialer/sip/agent-endpoint';
import type { Keepalive } from '@/dialer/sip/dialer-ua';
import { agentSipUser } from '@/dialer/sip/sip-users';
import type { SipAuth } from '@/dialer/sip/ua-credentials';
import { Dialer, type DialerOptions } from '@/dialer/dialer';
import { ingestSink } from '@/server/dialer/record-sink';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { ensureSipTools, startKamailio, startSipp, type Kamailio, type Running } from '@/dialer/sip/local-stack';
import { seedDemo } from '@/server/seed/demo';
import { addReadyList, type ReadyContact } from '@/server/contacts/ready-list';


/** `sip`: Kamailio's UDP address, where customers' calls come in. */
/** `secret`: Kamailio's auth_ephemeral secret, for the dialer's and the phones' credentials. */
export interface SipStack { ws: string; sip: string; secret: string; runDir: string; kamailio: Kamailio; sipp: Running; restartKamailio: () => Promise<void>; stopKamailio: () => Promise<void>; startKamailio: () => Promise<void>; stop: () => Promise<void> }

/** Kamailio with its trunk to one SIPp playing every customer: the mix, or `hold` (answers, stays on the line). */
export async function startMixStack(customers: 'mix' | 'hold' = 'mix'): Promise<SipStack> {
  const runDir = mkdtempSync(path.join(tmpdir(), 'relais-campaign-'));
  const sipp = await startSipp({ runDir, scenario: customers });
  let kamailio: Kamailio;
  try {
    kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  } catch (err) {
    await sipp.stop();
    throw err;
  }
  // Stopped and started on the same ports: the dialer and the agents' phones reconnect where they were.
  const stack: SipStack = {
    ws: kamailio.ws,
    sip: kamailio.sip,
    secret: kamailio.secret,
    runDir,
    kamailio,
    sipp,
    stopKamailio: () => kamailio.halt(),
    startKamailio: () => kamailio.resume(),
    restartKamailio: async () => { await kamailio.halt(); await kamailio.resume(); },
    stop: async () => { await kamailio.stop(); await sipp.stop(); },
  };
  return stack;
}

export async function seededCampaign(ch: Clickhouse, code: string): Promise<Campaign> {
  await seedDemo(ch);
  const org = (await tenancy.organizationsOfKind(ch, 'outsourcer'))[0]!;
  const partnerships = await tenancy.partnershipsOfOrg(ch, org.id);
  return (await tenancy.campaignsOfPartnerships(ch, partnerships.map((p) => p.id))).find((c) => c.code === code)!;
}

/** A ready list of contacts for the campaign, in the order given. */
export async function addContacts(ch: Clickhouse, campaign: Campaign, contacts: ReadyContact[]): Promise<void> {
  await addReadyList(ch, campaign, 'test list', 'test', contacts);
}

/** A do-not-call list dated today holding `numbers`. */
export async function addDncList(ch: Clickhouse, orgId: string, numbers: string[], listDate = new Date().toISOString().slice(0, 10)): Promise<void> {
  const id = randomUUID();
  await contactsSql.insertOptOutNumbers(ch, orgId, id, numbers);
  await contactsSql.putOptOutList(ch, { id, org_id: orgId, name: 'bloctel.csv', file_id: '', list_date: listDate, numbers: numbers.length, uploaded_by: 'test', uploaded_at: new Date().toISOString() });
}

// The media ports only go into the agents' SDP: no RTP flows (SIPp sends none), so nothing binds them.
export async function registerAgents(ws: string, users: string[], auth?: SipAuth): Promise<AgentEndpoint[]> {
  return Promise.all(users.map((u, i) => AgentEndpoint.register(ws, u, { mediaPort: 42_000 + 2 * i, auth })));
}

export interface Rig { engine: TestEngine; stack: SipStack; dialer: Dialer; phones: AgentEndpoint[]; campaigns: Record<string, Campaign>; close: () => Promise<void> }

/**
 * Everything a campaign test dials with: chDB with the demo data, the SIPp customer mix behind Kamailio, the
 * agents' phones registered (agent A1 as `agent-a1`…) and logged in to a connected dialer.
 */
export async function openRig(codes: string[], agents: string[], options: Omit<DialerOptions, 'sink'> & { keepalive?: Keepalive | null } = {}, customers: 'mix' | 'hold' = 'mix'): Promise<Rig> {
  ensureSipTools();
  const engine = await openTestEngine();
  const campaigns: Record<string, Campaign> = {};
  for (const code of codes) campaigns[code] = await seededCampaign(engine.ch, code);
  const stack = await startMixStack(customers);
  const users = agents.map(agentSipUser);
  const auth = { secret: stack.secret };
  const phones = await registerAgents(stack.ws, users, auth);
  const dialer = await Dialer.connect(engine.ch, stack.ws, { tickMs: 100, flushMs: 100, sink: ingestSink(engine.ch), auth, ...options });
  for (const [i, code] of agents.entries()) await dialer.agentLogin(code, users[i]!);
  return {
    engine, stack, dialer, phones, campaigns,
    close: async () => {
      await dialer.stop();
      for (const p of phones) await p.stop();
      await stack.stop();
      await engine.close();
    },
  };
}

export interface StoredCall {
  id: string; direction: string; phone: string; contact: string; agent: string; outcome: string; rule: string; disposition: string;
  started_at: number; answered_at: number | null; connected_at: number | null; ended_at: number; wrap_seconds: number; dropped: number;
}

export async function storedCalls(ch: Clickhouse, campaignId: string): Promise<StoredCall[]> {
  const rows = await selectRows<Record<string, string | null>>(ch,
    `SELECT id, toString(direction) AS direction, phone, contact, agent, toString(outcome) AS outcome, rule, disposition, toUnixTimestamp64Milli(started_at) AS started_at,
       toUnixTimestamp64Milli(answered_at) AS answered_at, toUnixTimestamp64Milli(connected_at) AS connected_at,
       toUnixTimestamp64Milli(ended_at) AS ended_at, wrap_seconds, dropped
     FROM calls FINAL WHERE campaign_id = {c:String} AND sign = 1 ORDER BY started_at, id`, { c: campaignId });
  const n = (v: string | null | undefined) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id!, direction: r.direction!, phone: r.phone!, contact: r.contact!, agent: r.agent!, outcome: r.outcome!, rule: r.rule!, disposition: r.disposition!,
    started_at: Number(r.started_at), answered_at: n(r.answered_at), connected_at: n(r.connected_at), ended_at: Number(r.ended_at),
    wrap_seconds: Number(r.wrap_seconds), dropped: Number(r.dropped),
  }));
}

export async function journalIds(ch: Clickhouse, campaignId: string): Promise<string[]> {
  return (await selectRows<{ id: string }>(ch, 'SELECT id FROM dialer_attempts FINAL WHERE campaign_id = {c:String}', { c: campaignId })).map((r) => r.id);
}

export async function agentStates(ch: Clickhouse, agent: string): Promise<string[]> {
  return (await selectRows<{ state: string }>(ch, 'SELECT toString(state) AS state FROM agent_states FINAL WHERE agent = {a:String} ORDER BY at', { a: agent })).map((r) => r.state);
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
