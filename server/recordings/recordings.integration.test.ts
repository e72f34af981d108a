// GET /api/recordings/{callId} (serveRecording, what the route runs) and the recordings procedures on the demo data:
// calls stored with a recording (as the dialer stores them, through the record sink) and their WAVs under
// $RELAIS_DATA_DIR/recordings. The one access rule (access.ts): the outsourcer's manager, quality staff and admin hear
// them (the bytes of the file, byte ranges for the player); an agent their own calls; the client only once the
// partnership allows it (a setting only the outsourcer's managers and admins change, audited). Anyone else — another
// agent, another client, another outsourcer, nobody signed in — gets nothing that tells the call exists. Each
// listening is logged once (not once per range); the retention purge deletes the audio and the call answers 410 with
// its date. A path that leaves the recordings dir never resolves, and a path another organization's call named first
// is never served to a later claimant.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertRows, selectRows } from '@/clickhouse/queries/rows';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { callRecord } from '@/dialer/calls/call-record';
import { resolveRecording, wavOf } from '@/dialer/media/recording';
import type { SessionUser } from '@/server/auth/session-user';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { ingestSink } from '@/server/dialer/record-sink';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { callerOf, signIn } from '@/server/testing/adversary';
import { purgeExpiredRecordings } from './retention';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { createUser } from '@/server/users/create-user';
import type { CallRef } from '@/server/tenancy/call-ref';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/server/auth/options', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/auth/options')>()),
  currentUser: async () => session.user,
}));

let engine: DemoEngine;
let recordingsDir: string;
let acmeOut: Campaign;
let acmeIn: Campaign;
let zetaOut: Campaign;
let zetaOrgId: string;
const users = new Map<string, SessionUser>();
const wav = wavOf(Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000))));
const ids = {
  recorded: `rec-${randomUUID()}`, unrecorded: `plain-${randomUUID()}`, traversal: `trav-${randomUUID()}`, claim: `claim-${randomUUID()}`,
  logged: `log-${randomUUID()}`, old: `old-${randomUUID()}`, shared: `CDR-${randomUUID()}`,
};
const relative = '2026-03-04/recorded-call_relais.test.wav';
const loggedPath = '2026-03-04/logged-call_relais.test.wav';
const oldPath = '2025-11-20/old-call_relais.test.wav';
const t0 = Date.UTC(2026, 2, 4, 9, 0, 0);
const tOld = Date.UTC(2025, 10, 20, 9, 0, 0);

const call = (id: string, campaign: string, recordingPath?: string, startedAt = t0) => callRecord({
  id, campaign, direction: 'outbound', phone: '+33612000123', agent: 'A1', startedAt, answeredAt: startedAt + 5_000, connectedAt: startedAt + 5_500,
  endedAt: startedAt + 65_000, outcome: 'connected', recordingPath,
});
const as = (who: string) => callerOf(engine.ch, users.get(who)!);
let acmePartnershipId: string;
let callproId: string;

async function get(callId: string | CallRef, who: string | null, range?: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
  session.user = who ? users.get(who)! : null;
  try {
    // What app/api/recordings/[callId]/route.ts answers (server/ may not import app/).
    const { serveRecording } = await import('./serve');
    return await serveRecording(typeof callId === 'string' ? { callId } : callId, new Headers(range ? { range } : {}).get('range'), method);
  } finally {
    session.user = null;
  }
}

const playbacksOf = (callId: string) => selectRows<{ user_email: string; role: string; org_id: string; user_org_id: string; at: string }>(engine.ch,
  'SELECT user_email, role, org_id, user_org_id, toUnixTimestamp64Milli(at) AS at FROM recording_playbacks WHERE call_id = {id:String} ORDER BY at', { id: callId });

beforeAll(async () => {
  engine = await openDemoEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  recordingsDir = path.join(engine.dir, 'recordings');
  mkdirSync(path.join(recordingsDir, '2026-03-04'), { recursive: true });
  mkdirSync(path.join(recordingsDir, '2025-11-20'), { recursive: true });
  for (const p of [relative, loggedPath, oldPath]) writeFileSync(path.join(recordingsDir, p), wav);
  writeFileSync(path.join(engine.dir, 'secret.wav'), wav); // outside the recordings dir
  const callpro = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer')).find((o) => o.name === 'CallPro')!;
  const campaigns = await tenancy.campaignsOfPartnerships(engine.ch, (await tenancy.partnershipsOfOrg(engine.ch, callpro.id)).map((p) => p.id));
  acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!;
  acmeIn = campaigns.find((c) => c.code === 'ACME-IN')!;
  acmePartnershipId = acmeOut.partnership_id;
  callproId = callpro.id;

  // Another outsourcer with a campaign and a manager.
  zetaOrgId = randomUUID();
  await tenancy.putOrganizations(engine.ch, [{ id: zetaOrgId, name: 'Zeta Contact', kind: 'outsourcer' }]);
  ({ campaign: zetaOut } = await provisionCampaign(engine.ch, zetaOrgId, 'ZETA-OUT', campaignInput.parse({
    name: 'Omega — Relance', client: 'Omega Assurances', direction: 'outbound', dial_mode: 'progressive', success_dispositions: ['sale'],
  }), { id: 'test', email: 'test@zeta.test', name: 'Test' }));
  await createUser(engine.ch, { email: 'manager@zeta.test', name: 'Zacharie Manager', password: DEMO_PASSWORD, role: 'manager', orgId: zetaOrgId });

  for (const email of ['manager@callpro.test', 'quality@callpro.test', 'admin@callpro.test', 'agent1@callpro.test', 'agent2@callpro.test',
    'agent3@callpro.test', 'client@acme.test', 'client@horizon.test', 'manager@zeta.test']) {
    users.set(email, await signIn(engine.ch, email));
  }
  const sink = ingestSink(engine.ch);
  expect(await sink.write(callpro.id, [
    call(ids.recorded, acmeOut.code, relative), call(ids.unrecorded, acmeOut.code), call(ids.logged, acmeOut.code, loggedPath),
    call(ids.old, acmeOut.code, oldPath, tOld),
    // One id in two campaigns (a client's own CDR ids are unique per campaign only), each call with its own audio.
    call(ids.shared, acmeOut.code, relative), { ...call(ids.shared, acmeIn.code, loggedPath), direction: 'inbound' as const },
  ])).toEqual([]);
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

  it('sends an agent the recording of their own call', async () => {
    const res = await get(ids.recorded, 'agent1@callpro.test');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
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

  it('answers 404, as for a call never recorded, to a client without the permission, another agent, another team’s agent, another client and another outsourcer; 401 to nobody', async () => {
    for (const who of ['client@acme.test', 'agent2@callpro.test', 'agent3@callpro.test', 'client@horizon.test', 'manager@zeta.test']) {
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

describe('the playback log', () => {
  it('logs one line per listening (a person’s requests for the audio within 30 minutes), not per range, nor a HEAD, nor a refusal', async () => {
    const before = Date.now();
    // A player's listening: the start, then seeks. Refused callers and a HEAD in between.
    expect((await get(ids.logged, 'quality@callpro.test', 'bytes=0-')).status).toBe(206);
    expect((await get(ids.logged, 'quality@callpro.test', 'bytes=12000-')).status).toBe(206);
    expect((await get(ids.logged, 'quality@callpro.test', 'bytes=4000-')).status).toBe(206);
    expect((await get(ids.logged, 'quality@callpro.test', 'bytes=0-', 'HEAD')).status).toBe(206);
    expect((await get(ids.logged, 'agent2@callpro.test', 'bytes=0-')).status).toBe(404);
    expect((await get(ids.logged, 'client@horizon.test')).status).toBe(404);
    expect((await get(ids.logged, 'quality@callpro.test', `bytes=${wav.length}-`)).status).toBe(416);
    const lines = await playbacksOf(ids.logged);
    expect(lines.map((l) => [l.user_email, l.role, l.org_id, l.user_org_id])).toEqual([['quality@callpro.test', 'quality', callproId, callproId]]);
    expect(Number(lines[0]!.at)).toBeGreaterThanOrEqual(before - 5);
    expect(Number(lines[0]!.at)).toBeLessThanOrEqual(Date.now() + 5);
    // A second listening (no range: a plain GET) by the agent whose call it is: a second line.
    expect((await get(ids.logged, 'agent1@callpro.test')).status).toBe(200);
    expect((await playbacksOf(ids.logged)).map((l) => [l.user_email, l.role])).toEqual([['quality@callpro.test', 'quality'], ['agent1@callpro.test', 'agent']]);
    // Audio asked without byte 0 (a suffix range, or from byte 1) is heard all the same: logged.
    expect((await get(ids.logged, 'admin@callpro.test', 'bytes=-999999999')).status).toBe(206);
    expect((await get(ids.logged, 'admin@callpro.test', 'bytes=1-')).status).toBe(206);
    expect((await playbacksOf(ids.logged)).map((l) => l.user_email)).toEqual(['quality@callpro.test', 'agent1@callpro.test', 'admin@callpro.test']);
  });

  it('shows the log to the outsourcer’s manager, quality staff and admin only', async () => {
    const lines = await as('manager@callpro.test').recordings.playbacks({ callId: ids.logged });
    expect(lines.map((l) => [l.userEmail, l.role, l.side])).toEqual([['admin@callpro.test', 'admin', 'outsourcer'], ['agent1@callpro.test', 'agent', 'outsourcer'], ['quality@callpro.test', 'quality', 'outsourcer']]);
    const log = await as('admin@callpro.test').recordings.playbackLog({ from: Date.now() - 3_600_000, to: Date.now() + 60_000 });
    expect(log.lines.filter((l) => l.callId === ids.logged)).toHaveLength(3);
    for (const who of ['agent1@callpro.test', 'client@acme.test']) {
      await expect(as(who).recordings.playbacks({ callId: ids.logged }), who).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(as('manager@zeta.test').recordings.playbacks({ callId: ids.logged })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as('manager@zeta.test').recordings.playbackLog({ from: Date.now() - 3_600_000, to: Date.now() + 60_000 })).lines).toEqual([]);
  });
});

describe('recordings.info', () => {
  it('says whether there is a recording, whether the caller may hear it, its length and URL', async () => {
    expect(await as('manager@callpro.test').recordings.info({ callId: ids.recorded })).toEqual({
      callId: ids.recorded, hasRecording: true, mayListen: true, expired: false, expiredAt: null, available: true, durationSeconds: 1,
      url: `/api/recordings/${ids.recorded}?campaign=${acmeOut.id}`,
    });
    expect(await as('agent2@callpro.test').recordings.info({ callId: ids.recorded })).toMatchObject({ hasRecording: true, mayListen: false, url: null, durationSeconds: null });
    expect(await as('client@acme.test').recordings.info({ callId: ids.recorded })).toMatchObject({ hasRecording: true, mayListen: false, url: null });
    expect(await as('manager@callpro.test').recordings.info({ callId: ids.unrecorded })).toMatchObject({ hasRecording: false, available: false, url: null });
    for (const who of ['agent3@callpro.test', 'client@horizon.test', 'manager@zeta.test']) {
      await expect(as(who).recordings.info({ callId: ids.recorded }), who).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('a call id two campaigns share', () => {
  it('is asked for with its campaign: without it the route answers 409 and the procedures refuse in words; with it each campaign’s own call', async () => {
    const bare = await get(ids.shared, 'manager@callpro.test');
    expect(bare.status).toBe(409);
    expect(await bare.text()).toMatch(/several campaigns.*\?campaign=/);
    await expect(as('manager@callpro.test').recordings.info({ callId: ids.shared })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Several campaigns/) });
    await expect(as('quality@callpro.test').quality.callPage({ callId: ids.shared })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    for (const campaign of [acmeOut, acmeIn]) {
      const ref = { callId: ids.shared, campaignId: campaign.id };
      expect((await get(ref, 'manager@callpro.test')).status).toBe(200);
      expect(await as('manager@callpro.test').recordings.info(ref)).toMatchObject({ available: true, url: `/api/recordings/${ids.shared}?campaign=${campaign.id}` });
      expect((await as('quality@callpro.test').quality.callPage(ref)).call).toMatchObject({ id: ids.shared, campaign_id: campaign.id });
    }
    const logged = await selectRows<{ campaign_id: string }>(engine.ch, 'SELECT campaign_id FROM recording_playbacks WHERE call_id = {id:String} ORDER BY campaign_id', { id: ids.shared });
    expect(logged.map((r) => r.campaign_id)).toEqual([acmeOut.id, acmeIn.id].sort());
    // A campaign out of the caller's scope names no call, even with a shared id.
    expect((await get({ callId: ids.shared, campaignId: zetaOut.id }, 'manager@callpro.test')).status).toBe(404);
    await expect(as('manager@zeta.test').recordings.info({ callId: ids.shared, campaignId: acmeOut.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the partnership’s recording policy', () => {
  it('is off by default with 180 days, seen by both sides, changed only by the outsourcer’s manager or admin, and audited', async () => {
    expect(await as('client@acme.test').recordings.policy({ partnershipId: acmePartnershipId })).toMatchObject({ clientMayListen: false, retentionDays: 180, canEdit: false });
    expect(await as('manager@callpro.test').recordings.policy({ partnershipId: acmePartnershipId })).toMatchObject({ clientMayListen: false, canEdit: true });
    expect(await as('quality@callpro.test').recordings.policy({ partnershipId: acmePartnershipId })).toMatchObject({ canEdit: false });
    const change = { partnershipId: acmePartnershipId, clientMayListen: true, retentionDays: 120 };
    for (const who of ['client@acme.test', 'quality@callpro.test', 'agent1@callpro.test']) {
      await expect(as(who).recordings.setPolicy(change), who).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(as('manager@zeta.test').recordings.setPolicy(change)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as('manager@callpro.test').recordings.setPolicy({ ...change, retentionDays: 3 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await as('client@acme.test').recordings.policy({ partnershipId: acmePartnershipId })).toMatchObject({ clientMayListen: false, retentionDays: 180 });

    const before = Date.now();
    expect(await as('manager@callpro.test').recordings.setPolicy(change)).toEqual({ changed: true });
    const seen = await as('client@acme.test').recordings.policy({ partnershipId: acmePartnershipId });
    expect(seen).toMatchObject({ clientMayListen: true, retentionDays: 120, changedByName: users.get('manager@callpro.test')!.name });
    expect(seen.changedAt).toBeGreaterThanOrEqual(before);
    // One audit line, seen by both sides' admins, with before and after.
    const range = { from: before - 1000, to: Date.now() + 1000, family: 'recording' };
    const [line, ...more] = (await as('admin@callpro.test').audit.list(range)).lines;
    expect(more).toEqual([]);
    expect(line).toMatchObject({ action: 'recording.policy', actor_email: 'manager@callpro.test', subject_id: acmePartnershipId, outcome: 'done' });
    expect(JSON.parse(line!.detail)).toEqual({ clientMayListen: { before: false, after: true }, retentionDays: { before: 180, after: 120 } });
    expect((await as('manager@callpro.test').recordings.setPolicy(change))).toEqual({ changed: false });
  });

  it('lets the client hear the partnership’s calls once allowed, and no other client', async () => {
    const res = await get(ids.recorded, 'client@acme.test');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    expect((await get(ids.recorded, 'client@horizon.test')).status).toBe(404);
    expect((await get(ids.recorded, 'agent3@callpro.test')).status).toBe(404);
    expect(await as('client@acme.test').recordings.info({ callId: ids.recorded })).toMatchObject({ mayListen: true, url: `/api/recordings/${ids.recorded}?campaign=${acmeOut.id}` });
    // Off again: refused again.
    await as('admin@callpro.test').recordings.setPolicy({ partnershipId: acmePartnershipId, clientMayListen: false, retentionDays: 120 });
    expect((await get(ids.recorded, 'client@acme.test')).status).toBe(404);
  });
});

describe('retention', () => {
  it('deletes the audio past the partnership’s retention and marks the call expired: 410 with the date, never 404 for those who may hear it', async () => {
    await as('manager@callpro.test').recordings.setPolicy({ partnershipId: acmePartnershipId, clientMayListen: false, retentionDays: 90 });
    const oldFile = path.join(recordingsDir, oldPath);
    expect((await get(ids.old, 'manager@callpro.test')).status).toBe(200);
    // 1 March 2026 − 90 days = 1 December 2025: the call of 20 November 2025 is past it, those of 4 March are not.
    const now = Date.UTC(2026, 2, 1, 12, 0, 0);
    const first = await purgeExpiredRecordings(engine.ch, now, recordingsDir);
    expect(first).toEqual({ expired: 1, deleted: 1 });
    expect(existsSync(oldFile)).toBe(false);
    expect(existsSync(path.join(recordingsDir, relative))).toBe(true);
    const gone = await get(ids.old, 'manager@callpro.test');
    expect([gone.status, await gone.text()]).toEqual([410, 'Recording expired on 2026-03-01']);
    expect((await get(ids.old, 'agent1@callpro.test')).status).toBe(410);
    // Who may not hear it still learns nothing.
    expect((await get(ids.old, 'agent2@callpro.test')).status).toBe(404);
    expect((await get(ids.old, 'client@horizon.test')).status).toBe(404);
    expect(await as('quality@callpro.test').recordings.info({ callId: ids.old })).toMatchObject({
      hasRecording: true, mayListen: true, expired: true, expiredAt: now, available: false, url: null,
    });
    // The calls table keeps the call as it was; a second run finds nothing more to do.
    const [row] = await selectRows<{ recording_path: string }>(engine.ch, 'SELECT recording_path FROM calls FINAL WHERE id = {id:String} AND sign = 1', { id: ids.old });
    expect(row?.recording_path).toBe(oldPath);
    expect(await purgeExpiredRecordings(engine.ch, now + 3_600_000, recordingsDir)).toEqual({ expired: 0, deleted: 0 });
    expect((await get(ids.recorded, 'manager@callpro.test')).status).toBe(200);
  });

  it('purges a deleted partnership’s calls too, on its last policy: their audio is on disk all the same', async () => {
    const zetaOld = `zeta-old-${randomUUID()}`;
    const zetaPath = '2025-10-01/zeta-old-call_relais.test.wav';
    mkdirSync(path.join(recordingsDir, '2025-10-01'), { recursive: true });
    writeFileSync(path.join(recordingsDir, zetaPath), wav);
    expect(await ingestSink(engine.ch).write(zetaOrgId, [call(zetaOld, zetaOut.code, zetaPath, Date.UTC(2025, 9, 1, 9, 0, 0))])).toEqual([]);
    const [partnership] = await tenancy.partnershipsOfOrg(engine.ch, zetaOrgId);
    await tenancy.removePartnerships(engine.ch, [partnership!]);
    expect(await tenancy.partnershipsOfOrg(engine.ch, zetaOrgId)).toEqual([]);

    // 1 June 2026 − 180 days (the default policy) = 3 December 2025: the call of 1 October 2025 is past it.
    const now = Date.UTC(2026, 5, 1, 12, 0, 0);
    await purgeExpiredRecordings(engine.ch, now, recordingsDir);
    expect(existsSync(path.join(recordingsDir, zetaPath))).toBe(false);
    const [expiry] = await selectRows<{ retention_days: number; file_deleted: number }>(engine.ch,
      'SELECT retention_days, file_deleted FROM recording_expiries WHERE call_id = {id:String}', { id: zetaOld });
    expect(expiry).toEqual({ retention_days: 180, file_deleted: 1 });
    // CallPro's file that Zeta's record named by guess is not Zeta's to delete, and not yet past CallPro's 90 days.
    expect(existsSync(path.join(recordingsDir, relative))).toBe(true);
  });
});
