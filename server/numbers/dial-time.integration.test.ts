// The caller-ID `owned` rule and consent at dial time, through the runner's compliance gate (no SIP: the dialer's
// telephony never answers, the agent takes leads in preview): the demo's ACME-OUT campaign, its contacts, consent
// records written through the public API, the number inventory changed through the portal's procedures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';
import { Dialer } from '@/dialer/dialer';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { settingsWith } from '@/dialer/runner/settings';
import { createApiKey } from '@/server/api-keys/keys';
import { setDialer } from '@/server/dialer/instance';
import { ingestSink } from '@/server/dialer/record-sink';
import { addContacts, storedCalls } from '@/server/dialer/testing/rig';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { serveRoutes } from '@/server/testing/http';
import { consentRoutes } from './testing/consent-routes';
import { demoOutsourcerId } from '@/server/testing/tenants';

// A Wednesday, 11:00 in Paris: inside French calling hours whatever the wall clock says.
const NOW = Date.parse('2026-11-25T10:00:00Z');
const phone = (n: number) => `+3361299${String(n).padStart(4, '0')}`;
const P = { valid: phone(1), expired: phone(2), withdrawn: phone(3), otherCampaign: phone(4), sms: phone(5), none: phone(6), clientWide: phone(7) };

let engine: DemoEngine;
let dialer: Dialer;
let api: { url: string; close: () => Promise<void> };
let key: string;
let out: Campaign;
const dials: string[] = [];

async function post(path: string, records: object[]) {
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: records.map((r) => JSON.stringify(r)).join('\n') });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}

async function refusals(): Promise<[string, string][]> {
  await dialer.flush();
  // Refusals of one instant come in no particular order: sorted by number.
  return (await storedCalls(engine.ch, out.id)).filter((c) => c.outcome === 'rejected_compliance').map((c): [string, string] => [c.phone, c.rule])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

beforeAll(async () => {
  engine = await openDemoEngine();
  const orgId = await demoOutsourcerId(engine.ch);
  out = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-OUT')!;
  key = (await createApiKey(engine.ch, orgId, 'crm', 'test')).key;
  api = await serveRoutes(consentRoutes);
  const telephony = { isConnected: true, dial: (user: string) => { dials.push(user); return new Promise<DialResult>(() => {}); } };
  dialer = await Dialer.start(engine.ch, telephony, { sink: ingestSink(engine.ch), now: () => NOW });
  setDialer(dialer);
}, 180_000);
afterAll(async () => {
  setDialer(null);
  await dialer?.stop();
  await api?.close();
  await engine?.close();
});

describe('consent at dial time (a campaign with consent required)', () => {
  it('dials only contacts with a valid consent; each refusal is recorded with its rule', async () => {
    const base = { campaign: 'ACME-OUT', source: 'formulaire web', given_at: '2026-09-01', proof_ref: 'preuve-1' };
    const written = await post('/api/v1/consents', [
      { ...base, phone: P.valid, scope: 'campaign' },
      { ...base, phone: P.expired, scope: 'campaign', expires_at: '2026-11-01' },
      { ...base, phone: P.withdrawn, scope: 'client' },
      // Another campaign of the partnership, and the SMS channel: not this campaign's phone calls.
      { ...base, campaign: 'ACME-IN', phone: P.otherCampaign, scope: 'campaign' },
      { ...base, phone: P.sms, scope: 'client', channel: 'sms' },
      { ...base, campaign: 'ACME-IN', phone: P.clientWide, scope: 'client' },
    ]);
    expect(written).toEqual({ status: 200, body: { accepted: 6, rejected: [] } });
    expect(await post('/api/v1/consents/withdrawals', [{ campaign: 'ACME-OUT', phone: P.withdrawn, withdrawn_at: '2026-11-10' }]))
      .toEqual({ status: 200, body: { accepted: 1, withdrawn: 1, unmatched: [], rejected: [] } });

    // The contacts in this order: the refused ones first, so taking a lead walks through every rule.
    await addContacts(engine.ch, out, [P.none, P.expired, P.withdrawn, P.otherCampaign, P.sms, P.valid, P.clientWide].map((p) => ({ phone: p })));
    await dialer.configure(out.id, { mode: 'preview', status: 'running', consentRequired: true }, 'test');
    dialer.pool.login('A1', 'agent-a1', ['ACME-OUT']);
    const runner = await dialer.runner(out.id);
    expect(runner.preview.take('A1')?.phone).toBe(P.valid);
    expect(await refusals()).toEqual([
      [P.expired, 'consent_expired'], [P.withdrawn, 'consent_withdrawn'], [P.otherCampaign, 'consent_out_of_scope'],
      [P.sms, 'consent_out_of_scope'], [P.none, 'consent_missing'],
    ]);
    // A client-wide consent given through another campaign of the partnership covers this one.
    // (A skipped record goes behind the others: the next one taken is the client-wide contact.)
    runner.preview.skip('A1');
    await dialer.runner(out.id);
    expect(runner.preview.take('A1')?.phone).toBe(P.clientWide);
  });

  it('a consent withdrawn through the API refuses the contact from the next dial on', async () => {
    const runner = await dialer.runner(out.id);
    runner.preview.skip('A1');
    expect(await post('/api/v1/consents/withdrawals', [{ campaign: 'ACME-OUT', phone: P.valid, withdrawn_at: '2026-11-24T18:00:00Z' }])).toMatchObject({ status: 200, body: { withdrawn: 1 } });
    expect(runner.preview.take('A1')?.phone).toBe(P.clientWide);
    expect(await refusals()).toContainEqual([P.valid, 'consent_withdrawn']);
    runner.preview.skip('A1');
  });

});

describe('the owned caller-ID rule at dial time', () => {
  it('refuses the dials of a campaign whose number was removed from the inventory, then dials again once it is back', async () => {
    const runner = await dialer.runner(out.id);
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const entry = (await admin.numbers.list()).numbers.find((n) => n.number === '+33180001001')!;
    expect(entry.campaigns.map((c) => c.code)).toEqual(['ACME-OUT']);
    await admin.numbers.remove({ id: entry.id });
    expect(runner.preview.take('A1')).toBeUndefined();
    expect(await refusals()).toContainEqual([P.clientWide, 'caller_id_not_owned']);
    // Recorded once; the lead is kept for when the number is back.
    expect(runner.preview.take('A1')).toBeUndefined();
    expect((await refusals()).filter(([, rule]) => rule === 'caller_id_not_owned')).toHaveLength(1);
    const acme = (await admin.numbers.list()).clients.find((c) => c.name === 'Acme Energie')!;
    await admin.numbers.add({ number: '01 80 00 10 01', owner: 'client', clientOrgId: acme.id, proofRef: 'Contrat opérateur' });
    expect(runner.preview.take('A1')?.phone).toBe(P.clientWide);
    runner.preview.skip('A1');
  });

  it('refuses a number saved before the inventory existed and never added to it', async () => {
    // As an older version saved it: straight into the settings, past the save-time check.
    await dialer.configure(out.id, { status: 'stopped' }, 'test');
    await dialerSql.putSettings(engine.ch, out.id, settingsWith({ mode: 'preview', status: 'running', consentRequired: true, callerId: '+33180007777' }), 'test');
    const again = await Dialer.start(engine.ch, { isConnected: true, dial: () => new Promise<DialResult>(() => {}) }, { sink: ingestSink(engine.ch), now: () => NOW });
    try {
      again.pool.login('A1', 'agent-a1', ['ACME-OUT']);
      expect((await again.runner(out.id)).preview.take('A1')).toBeUndefined();
      await again.flush();
      const calls = (await storedCalls(engine.ch, out.id)).filter((c) => c.rule === 'caller_id_not_owned');
      expect(calls).toHaveLength(2);
    } finally {
      await again.stop();
    }
    expect(dials).toEqual([]);
  });
});

// Last: it withdraws the consent of the contact the tests above dial.
describe('consent withdrawn in the portal', () => {
  it('a consent withdrawn in the portal refuses the contact from the next dial on; a record of another contact is not found', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test', () => NOW);
    const { records } = await client.consents.ofContact({ campaignId: out.id, phone: P.clientWide });
    const record = records.find((r) => r.withdrawn_at === null)!;
    expect(record.state).toBe('valid');
    // The record's id with another contact's number: the two do not belong together.
    expect(await codeOf(client.consents.withdraw({ campaignId: out.id, phone: P.none, recordId: record.id }))).toBe('NOT_FOUND');
    const quality = await callerAs(engine.ch, 'quality@callpro.test', () => NOW);
    expect(await codeOf(quality.consents.withdraw({ campaignId: out.id, phone: P.clientWide, recordId: record.id }))).toBe('FORBIDDEN');
    expect(await client.consents.withdraw({ campaignId: out.id, phone: P.clientWide, recordId: record.id })).toEqual({ withdrawn: 1 });
    const after = (await client.consents.ofContact({ campaignId: out.id, phone: P.clientWide })).records.find((r) => r.id === record.id)!;
    expect(after).toMatchObject({ state: 'withdrawn', withdrawn_at: NOW });
    const runner = await dialer.runner(out.id);
    expect(runner.preview.take('A1')?.phone).not.toBe(P.clientWide);
    expect(await refusals()).toContainEqual([P.clientWide, 'consent_withdrawn']);
  });
});
