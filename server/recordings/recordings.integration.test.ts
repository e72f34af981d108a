// GET /api/recordings/{callId} (its server side, as the route runs it) on the demo data: calls stored with a recording (as the dialer stores them, through
// the record sink) and their WAVs under $RELAIS_DATA_DIR/recordings. The outsourcer's manager, quality staff and
// admin hear them (the bytes of the file, byte ranges for the player); a client, an agent, another outsourcer's
// manager, nobody signed in get nothing that tells the call exists; a path that leaves the recordings dir never
// resolves, and a path another organization's call named first is never served to a later claimant.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertRows } from '@/clickhouse/queries/rows';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { callRecord } from '@/dialer/calls/call-record';
import { resolveRecording, wavOf } from '@/dialer/media/recording';
import type { SessionUser } from '@/server/auth/session-user';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { ingestSink } from '@/server/dialer/record-sink';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { signIn } from '@/server/testing/adversary';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { createUser } from '@/server/users/create-user';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/server/auth/options', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/auth/options')>()),
  currentUser: async () => session.user,
}));

let engine: DemoEngine;
let recordingsDir: string;
let acmeOut: Campaign;
let zetaOut: Campaign;
let zetaOrgId: string;
const users = new Map<string, SessionUser>();
const wav = wavOf(Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000))));
const ids = { recorded: `rec-${randomUUID()}`, unrecorded: `plain-${randomUUID()}`, traversal: `trav-${randomUUID()}`, claim: `claim-${randomUUID()}` };
const relative = '2026-03-04/recorded-call_relais.test.wav';
const t0 = Date.UTC(2026, 2, 4, 9, 0, 0);

const call = (id: string, campaign: string, recordingPath?: string) => callRecord({
  id, campaign, direction: 'outbound', phone: '+33612000123', agent: 'A1', startedAt: t0, answeredAt: t0 + 5_000, connectedAt: t0 + 5_500,
  endedAt: t0 + 65_000, outcome: 'connected', recordingPath,
});

async function get(callId: string, who: string | null, range?: string): Promise<Response> {
  session.user = who ? users.get(who)! : null;
  try {
    // What app/api/recordings/[callId]/route.ts answers (server/ may not import app/): the portal's scope, then the file.
    const { withPortalScope } = await import('@/server/http/portal-scope');
    const { textError } = await import('@/server/http/answer');
    const { readableRecording, recordingResponse } = await import('./recording-file');
    const caller = await withPortalScope({ refuse: textError, notFound: 'No such recording' }, ({ ch, scope }) => readableRecording(ch, scope, callId));
    if (caller instanceof Response) return caller;
    return recordingResponse(caller.found, new Headers(range ? { range } : {}).get('range'));
  } finally {
    session.user = null;
  }
}

beforeAll(async () => {
  engine = await openDemoEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  recordingsDir = path.join(engine.dir, 'recordings');
  mkdirSync(path.join(recordingsDir, '2026-03-04'), { recursive: true });
  writeFileSync(path.join(recordingsDir, relative), wav);
  writeFileSync(path.join(engine.dir, 'secret.wav'), wav); // outside the recordings dir
  const callpro = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer')).find((o) => o.name === 'CallPro')!;
  const campaigns = await tenancy.campaignsOfPartnerships(engine.ch, (await tenancy.partnershipsOfOrg(engine.ch, callpro.id)).map((p) => p.id));
  acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!;

  // Another outsourcer with a campaign and a manager.
  zetaOrgId = randomUUID();
  await tenancy.putOrganizations(engine.ch, [{ id: zetaOrgId, name: 'Zeta Contact', kind: 'outsourcer' }]);
  ({ campaign: zetaOut } = await provisionCampaign(engine.ch, zetaOrgId, 'ZETA-OUT', campaignInput.parse({
    name: 'Omega — Relance', client: 'Omega Assurances', direction: 'outbound', dial_mode: 'progressive', success_dispositions: ['sale'],
  }), { id: 'test', email: 'test@zeta.test', name: 'Test' }));
  await createUser(engine.ch, { email: 'manager@zeta.test', name: 'Zacharie Manager', password: DEMO_PASSWORD, role: 'manager', orgId: zetaOrgId });

  for (const email of ['manager@callpro.test', 'quality@callpro.test', 'admin@callpro.test', 'agent1@callpro.test', 'client@acme.test', 'manager@zeta.test']) {
    users.set(email, await signIn(engine.ch, email));
  }
  const sink = ingestSink(engine.ch);
  expect(await sink.write(callpro.id, [call(ids.recorded, acmeOut.code, relative), call(ids.unrecorded, acmeOut.code)])).toEqual([]);
  // Zeta's record naming CallPro's file, sent after it (a guessed name): not Zeta's to hear.
  expect(await sink.write(zetaOrgId, [call(ids.claim, zetaOut.code, relative)])).toEqual([]);
  // A row naming a path out of the recordings dir, written past the contract (which refuses it: derive.test.ts).
  await insertRows(engine.ch, 'calls', [{
    org_id: callpro.id, campaign_id: acmeOut.id, id: ids.traversal, sign: 1, version: 1, direction: 'outbound', agent: 'A1', contact: '', phone: '',
    started_at: '2026-03-04 09:00:00.000', ended_at: '2026-03-04 09:01:00.000', hold_seconds: 0, wrap_seconds: 0, outcome: 'no_answer',
    disposition: '', converted: 0, case_id: '', rule: '', recording_path: '2026-03-04/../../secret.wav', queue_seconds: 0, talk_seconds: 0,
    human_answered: 0, dropped: 0, ingested_at: '2026-03-04 09:01:00.000',
  }]);
}, 60_000);
afterAll(() => engine?.close());

describe('GET /api/recordings/{callId}', () => {
  it('sends the recording, as audio/wav, to the outsourcer’s manager, quality staff and admin', async () => {
    for (const who of ['manager@callpro.test', 'quality@callpro.test', 'admin@callpro.test']) {
      const res = await get(ids.recorded, who);
      expect(res.status, who).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe(String(wav.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    }
  });

  it('answers byte ranges (the player seeks), and 416 past the end', async () => {
    const first = await get(ids.recorded, 'manager@callpro.test', 'bytes=0-43');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-43/${wav.length}`);
    expect(Buffer.from(await first.arrayBuffer()).equals(wav.subarray(0, 44))).toBe(true);
    const open = await get(ids.recorded, 'quality@callpro.test', 'bytes=1000-');
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(wav.subarray(1000))).toBe(true);
    const tail = await get(ids.recorded, 'admin@callpro.test', 'bytes=-100');
    expect(tail.headers.get('content-range')).toBe(`bytes ${wav.length - 100}-${wav.length - 1}/${wav.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 100))).toBe(true);
    const past = await get(ids.recorded, 'manager@callpro.test', `bytes=${wav.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${wav.length}`);
  });

  it('answers 404, as for a call never recorded, to a client, an agent and another outsourcer’s manager; 401 to nobody', async () => {
    for (const who of ['client@acme.test', 'agent1@callpro.test', 'manager@zeta.test']) {
      const res = await get(ids.recorded, who);
      expect(res.status, who).toBe(404);
      expect(await res.text()).toBe('No such recording');
    }
    const unrecorded = await get(ids.unrecorded, 'manager@callpro.test');
    expect([unrecorded.status, await unrecorded.text()]).toEqual([404, 'No such recording']);
    expect((await get(`nope-${randomUUID()}`, 'manager@callpro.test')).status).toBe(404);
    expect((await get(ids.recorded, null)).status).toBe(401);
  });

  it('never serves a path another organization’s call named first, nor one out of the recordings dir', async () => {
    expect((await get(ids.claim, 'manager@zeta.test')).status).toBe(404);
    expect((await get(ids.traversal, 'manager@callpro.test')).status).toBe(404);
    for (const p of ['2026-03-04/../../secret.wav', '../secret.wav', '/etc/passwd', '2026-03-04/..wav', '2026-03-04/%2e%2e/x.wav', `${engine.dir}/secret.wav`]) {
      expect(resolveRecording(recordingsDir, p), p).toBeUndefined();
    }
    expect(resolveRecording(recordingsDir, relative)).toBe(path.join(recordingsDir, relative));
  });
});
