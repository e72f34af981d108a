// The number inventory and consent records through the portal's procedures and the public API, on chDB: the
// caller ID checked where it is saved (another client's number refused, worded FR/EN), each organization's
// inventory its own, consents imported with a contact file (bad dates refused line by line, counted), written and
// withdrawn through the API (bad lines refused with their number, another organization's campaign unreachable),
// exported for an audit; every change with its audit line.
import { readFile } from 'node:fs/promises';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfOrg } from '@/clickhouse/queries/audit';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { workspace as workspaceSql } from '@/clickhouse/queries/workspace';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { createApiKey } from '@/server/api-keys/keys';
import { storeUpload } from '@/server/files/service';
import { fileStorage } from '@/server/files/storage';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { serveRoutes } from '@/server/testing/http';
import { consentRoutes } from './testing/consent-routes';
import { addOutsourcer, demoOutsourcerId } from '@/server/testing/tenants';
import { refusalText } from '@/server/trpc/refusals';
import { userMessageOf } from '@/server/trpc/user-error';
import { createUser } from '@/server/users/create-user';
import { DEMO_PASSWORD } from '@/server/seed/demo';

type Caller = Awaited<ReturnType<typeof callerAs>>;
let engine: DemoEngine;
let api: { url: string; close: () => Promise<void> };
let key: string;
let otherKey: string;
let callproId: string;
let acmeId: string;
let horizonId: string;
let campaigns: Record<string, Campaign>;
let admin: Caller;
let manager: Caller;
const started = Date.now();

async function refusal(call: Promise<unknown>): Promise<{ code: string; fr: string; en: string }> {
  try {
    await call;
  } catch (err) {
    const m = err instanceof TRPCError ? userMessageOf(err) : null;
    if (!m) throw err;
    return { code: (err as TRPCError).code, fr: refusalText('fr', m.key, m.vars), en: refusalText('en', m.key, m.vars) };
  }
  throw new Error('the call was not refused');
}

async function post(path: string, body: string, k = key) {
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${k}` }, body });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}
const ndjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');

beforeAll(async () => {
  engine = await openDemoEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  callproId = await demoOutsourcerId(engine.ch);
  const orgs = await tenancy.organizationsOfKind(engine.ch, 'client');
  acmeId = orgs.find((o) => o.name === 'Acme Energie')!.id;
  horizonId = orgs.find((o) => o.name === 'Banque Horizon')!.id;
  const ps = await tenancy.partnershipsOfOrg(engine.ch, callproId);
  campaigns = Object.fromEntries((await tenancy.campaignsOfPartnerships(engine.ch, ps.map((p) => p.id))).map((c) => [c.code, c]));
  admin = await callerAs(engine.ch, 'admin@callpro.test');
  manager = await callerAs(engine.ch, 'manager@callpro.test');
  key = (await createApiKey(engine.ch, callproId, 'crm', 'test')).key;
  await addOutsourcer(engine.ch, 'org-other', 'OtherCenter');
  otherKey = (await createApiKey(engine.ch, 'org-other', 'other', 'test')).key;
  api = await serveRoutes(consentRoutes);
}, 180_000);
afterAll(async () => {
  await api?.close();
  await engine?.close();
});

describe('the number inventory', () => {
  it('lists the organization’s numbers with the campaigns presenting each', async () => {
    const { numbers, clients } = await admin.numbers.list();
    expect(clients.map((c) => c.name).sort()).toEqual(['Acme Energie', 'Banque Horizon']);
    expect(numbers.map((n) => [n.number, n.owner, n.client_name, n.campaigns.map((c) => c.code)])).toEqual([
      ['+33180001000', 'client', 'Acme Energie', ['ACME-IN']], ['+33180001001', 'client', 'Acme Energie', ['ACME-OUT']],
      ['+33180002000', 'client', 'Banque Horizon', ['HORIZON-IN']], ['+33180002001', 'client', 'Banque Horizon', ['HORIZON-OUT']],
      ['+33180009000', 'outsourcer', '', []],
    ]);
  });

  it('adds a number in E.164 from any French spelling, refuses a wrong one and a number already held, in the user’s language', async () => {
    const added = await manager.numbers.add({ number: '01 80 00 30 00', proofRef: 'Contrat SFR 42' });
    expect(added).toMatchObject({ number: '+33180003000', owner: 'outsourcer', proof_ref: 'Contrat SFR 42' });
    expect(await refusal(manager.numbers.add({ number: '01 80 00', proofRef: '' }))).toEqual({
      code: 'BAD_REQUEST',
      fr: '« 01 80 00 » n’est pas un numéro de téléphone valide. Saisissez-le au format international, par exemple +33 1 80 00 10 00.',
      en: '“01 80 00” is not a valid phone number. Enter it in international format, e.g. +33 1 80 00 10 00.',
    });
    expect(await codeOf(manager.numbers.add({ number: '+33180003000', proofRef: '' }))).toBe('CONFLICT');
    expect(await codeOf(manager.numbers.add({ number: '+33180003001', owner: 'client', proofRef: '' }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.numbers.add({ number: '+33180003001', owner: 'client', clientOrgId: 'org-other', proofRef: '' }))).toBe('NOT_FOUND');
    await manager.numbers.update({ id: added.id, proofRef: 'Contrat SFR 43' });
    expect((await numbersSql.numberById(engine.ch, added.id))?.proof_ref).toBe('Contrat SFR 43');
    await manager.numbers.remove({ id: added.id });
    expect(await numbersSql.numberById(engine.ch, added.id)).toBeUndefined();
  });

  it('keeps each organization to its own inventory: a client admin manages the client’s numbers only', async () => {
    await createUser(engine.ch, { email: 'admin@horizon.test', name: 'Hélène Horizon', password: DEMO_PASSWORD, role: 'admin', orgId: horizonId });
    const horizonAdmin = await callerAs(engine.ch, 'admin@horizon.test');
    const own = await horizonAdmin.numbers.add({ number: '+33180004000', owner: 'outsourcer', proofRef: 'Lettre d’attribution' });
    // A client's number is the client's, whatever the form said.
    expect(own).toMatchObject({ org_id: horizonId, owner: 'client', client_org_id: horizonId });
    expect((await horizonAdmin.numbers.list()).numbers.map((n) => n.number)).toEqual(['+33180004000']);
    const callpros = (await admin.numbers.list()).numbers;
    expect(callpros.map((n) => n.number)).not.toContain('+33180004000');
    expect(await codeOf(horizonAdmin.numbers.remove({ id: callpros[0]!.id }))).toBe('NOT_FOUND');
    expect(await codeOf(horizonAdmin.numbers.update({ id: callpros[0]!.id, proofRef: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(admin.numbers.remove({ id: own.id }))).toBe('NOT_FOUND');
    // The client and the agents do not manage numbers.
    expect(await codeOf((await callerAs(engine.ch, 'client@acme.test')).numbers.list())).toBe('FORBIDDEN');
    expect(await codeOf((await callerAs(engine.ch, 'agent1@callpro.test')).numbers.add({ number: '+33180004001', proofRef: '' }))).toBe('FORBIDDEN');
  });
});

describe('the caller ID where it is saved', () => {
  it('refuses a caller ID of another client, with a clear message in the user’s language, and saves nothing', async () => {
    // Horizon's own number (its admin added it above): not in the inventory of CallPro × Acme.
    const before = (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!.settings.callerId;
    expect(await refusal(manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33180004000' }))).toEqual({
      code: 'BAD_REQUEST',
      fr: 'Le numéro +33180004000 n’est pas dans l’inventaire des numéros de ce partenariat (ceux du centre de contacts ou de ce client) : ajoutez-le d’abord dans Numéros, avec sa preuve d’attribution.',
      en: 'The number +33180004000 is not in the number inventory of this partnership (the contact center’s or this client’s): add it in Numbers first, with its proof of assignment.',
    });
    // Held by CallPro for Horizon: another client's too.
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33180002001' }))).toBe('CONFLICT');
    await manager.numbers.add({ number: '+33180005000', owner: 'client', clientOrgId: horizonId, proofRef: '' });
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33180005000' }))).toBe('BAD_REQUEST');
    expect((await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!.settings.callerId).toBe(before);
    // CallPro's own number is presentable for any of its clients; the partnership's numbers too.
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33180009000' });
    await manager.dialer.configure({ campaignId: campaigns['HORIZON-OUT']!.id, callerId: '+33180004000' });
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33180001001' });
  });

  it('refuses a French mobile for an automated campaign even from the inventory; a preview campaign may present it', async () => {
    await manager.numbers.add({ number: '06 12 00 00 01', owner: 'client', clientOrgId: acmeId, proofRef: '' });
    expect(await refusal(manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, callerId: '+33612000001' }))).toMatchObject({
      code: 'BAD_REQUEST', en: 'A French mobile number (06, 07) cannot present an automated campaign.',
    });
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, mode: 'preview', callerId: '+33612000001' });
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, mode: 'progressive', callerId: '+33180001001' });
  });
});

describe('consent required', () => {
  it('is set from the dialer controls, audited like any dialer setting', async () => {
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, consentRequired: true });
    expect((await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!.settings.consentRequired).toBe(true);
    const lines = await auditOfOrg(engine.ch, { orgId: callproId, from: started - 1000, to: Date.now() + 1000, actionPrefix: 'dialer.', limit: 50 });
    expect(lines.find((l) => JSON.parse(l.detail).consentRequired)).toMatchObject({ action: 'dialer.settings', actor_email: 'manager@callpro.test' });
    await manager.dialer.configure({ campaignId: campaigns['ACME-OUT']!.id, consentRequired: false });
  });

  it('is what widened calling hours need, with a reason, both kept in the audit log', async () => {
    const campaignId = campaigns['ACME-OUT']!.id;
    const evenings = { days: [1, 2, 3, 4, 5, 6], ranges: [[540, 780], [840, 1260]] as [number, number][], skipFrenchHolidays: true, reason: 'Consentement écrit, appels en soirée acceptés' };
    const noConsent = await refusal(manager.dialer.configure({ campaignId, window: evenings }));
    expect(noConsent.code).toBe('BAD_REQUEST');
    expect(noConsent.fr).toContain('Consentement exigé');
    expect(noConsent.en).toContain('Consent required');
    expect((await manager.dialer.state()).campaigns.find((c) => c.id === campaignId)!.settings.window).toBeNull();

    await manager.dialer.configure({ campaignId, consentRequired: true });
    expect((await refusal(manager.dialer.configure({ campaignId, window: { ...evenings, reason: ' ' } }))).en).toContain('Say why');
    expect((await refusal(manager.dialer.configure({ campaignId, window: { ...evenings, ranges: [[600, 540]] } }))).fr).toContain('finir après son début');
    await manager.dialer.configure({ campaignId, window: evenings });
    expect((await manager.dialer.state()).campaigns.find((c) => c.id === campaignId)!.settings.window).toEqual(evenings);
    const lines = await auditOfOrg(engine.ch, { orgId: callproId, from: started - 1000, to: Date.now() + 1000, actionPrefix: 'dialer.', limit: 50 });
    expect(lines.map((l) => JSON.parse(l.detail) as { window?: { after: unknown } }).find((d) => d.window)?.window?.after).toEqual(evenings);

    // Consent cannot be turned off under widened hours: back to the legal hours first.
    expect((await refusal(manager.dialer.configure({ campaignId, consentRequired: false }))).en).toContain('go back to the legal hours');
    await manager.dialer.configure({ campaignId, window: null });
    await manager.dialer.configure({ campaignId, consentRequired: false });
    expect((await manager.dialer.state()).campaigns.find((c) => c.id === campaignId)!.settings).toMatchObject({ window: null, consentRequired: false });
  });
});

describe('consent records through the public API', () => {
  it('writes good lines, refuses bad ones with their line number, and reaches only the key’s own campaigns', async () => {
    const body = [
      JSON.stringify({ campaign: 'ACME-OUT', phone: '06 12 34 00 01', source: 'web', given_at: '2026-09-01', scope: 'campaign', proof_ref: 'form-1' }),
      '',
      JSON.stringify({ campaign: 'ACME-OUT', phone: '06 12 34 00 02', source: 'web', given_at: '31/02/2026' }),
      JSON.stringify({ campaign: 'ACME-OUT', phone: '06 12 34 00 03', source: 'web', given_at: '2099-01-01' }),
      JSON.stringify({ campaign: 'ACME-OUT', phone: '06 12 34 00 04', source: 'web', given_at: '2026-09-01', expires_at: '2026-08-01' }),
      JSON.stringify({ campaign: 'ACME-OUT', phone: '06 12 34 00 05', source: 'web', given_at: '2026-09-01', scope: 'world' }),
      '{not json',
      JSON.stringify({ campaign: 'NOPE', phone: '06 12 34 00 06', source: 'web', given_at: '2026-09-01' }),
      JSON.stringify({ campaign: 'HORIZON-OUT', phone: '06 12 34 00 07', source: 'agence', given_at: '2026-09-02T09:30:00+02:00', channel: 'phone' }),
    ].join('\n');
    const res = await post('/api/v1/consents', body);
    expect(res).toEqual({
      status: 200,
      body: {
        accepted: 2,
        rejected: [
          { line: 3, error: 'given_at: "31/02/2026" is not a date (2026-08-12 or 12/08/2026)' },
          { line: 4, error: 'given_at: "2099-01-01" is in the future' },
          { line: 5, error: 'expires_at: "2026-08-01" is not after the consent date' },
          { line: 6, error: 'scope: "world" must be one of campaign, client' },
          { line: 7, error: 'is not valid JSON' },
          { line: 8, error: 'campaign: no campaign "NOPE" of this organization' },
        ],
      },
    });
    const out = await numbersSql.consentsOfPhone(engine.ch, campaigns['ACME-OUT']!.partnership_id, ['+33612340001']);
    expect(out).toMatchObject([{ scope: 'campaign', campaign_id: campaigns['ACME-OUT']!.id, channel: 'phone', source: 'web', given_at: Date.UTC(2026, 8, 1), proof_ref: 'form-1', withdrawn_at: null }]);
    // Another outsourcer's key: CallPro's campaigns do not exist for it; nothing is written, nothing withdrawn.
    expect((await post('/api/v1/consents', ndjson([{ campaign: 'ACME-OUT', phone: '0612340009', source: 'x', given_at: '2026-09-01' }]), otherKey)).body)
      .toEqual({ accepted: 0, rejected: [{ line: 1, error: 'campaign: no campaign "ACME-OUT" of this organization' }] });
    expect((await post('/api/v1/consents/withdrawals', ndjson([{ campaign: 'ACME-OUT', phone: '0612340001' }]), otherKey)).body)
      .toMatchObject({ accepted: 0, withdrawn: 0, rejected: [{ line: 1 }] });
    expect(await numbersSql.consentsOfPhone(engine.ch, campaigns['ACME-OUT']!.partnership_id, ['+33612340009'])).toEqual([]);
    expect((await post('/api/v1/consents', 'x', 'rly_nope')).status).toBe(401);
  });

  it('withdraws a contact’s consent (a JSON array works too), and says which lines matched nothing', async () => {
    const res = await post('/api/v1/consents/withdrawals', JSON.stringify([
      { campaign: 'ACME-OUT', phone: '+33612340001', withdrawn_at: '2026-10-01' },
      { campaign: 'ACME-OUT', phone: '+33612349999' },
      { campaign: 'ACME-OUT', phone: '+33612340001', withdrawn_at: 'hier' },
    ]));
    expect(res.body).toEqual({ accepted: 2, withdrawn: 1, unmatched: [2], rejected: [{ line: 3, error: 'withdrawn_at: "hier" is not a date (2026-08-12 or 12/08/2026)' }] });
    const [row] = await numbersSql.consentsOfPhone(engine.ch, campaigns['ACME-OUT']!.partnership_id, ['+33612340001']);
    expect(row?.withdrawn_at).toBe(Date.UTC(2026, 9, 1));
  });

  it('shows a contact’s records on the campaign, and exports the campaign’s records for an audit in the user’s language', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test');
    const shown = await client.consents.ofContact({ campaignId: campaigns['ACME-OUT']!.id, phone: '06 12 34 00 01' });
    expect(shown).toMatchObject({ phone: '+33612340001', records: [{ source: 'web', state: 'withdrawn', thisCampaign: true }] });
    // Horizon's contact is not Acme's: not shown on Acme's campaign, and Horizon's campaign is out of the client's scope.
    expect((await client.consents.ofContact({ campaignId: campaigns['ACME-OUT']!.id, phone: '06 12 34 00 07' })).records).toEqual([]);
    expect(await codeOf(client.consents.ofContact({ campaignId: campaigns['HORIZON-OUT']!.id, phone: '06 12 34 00 07' }))).toBe('NOT_FOUND');
    const fr = await client.consents.export({ campaignId: campaigns['ACME-OUT']!.id, locale: 'fr' });
    expect(fr.filename).toMatch(/^relais-consentements-ACME-OUT-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fr.csv.trim().split('\r\n');
    expect(lines[0]).toBe('Numéro;Référence contact;Portée;Campagne;Canal;Source;Date du consentement;Expiration;Preuve;Retrait;État;Origine;Enregistré le');
    expect(lines[1]).toMatch(/^\+33612340001;;campagne;ACME-OUT;téléphone;web;01\/09\/2026;;form-1;01\/10\/2026;retiré;api:/);
    const en = await client.consents.export({ campaignId: campaigns['ACME-OUT']!.id, locale: 'en' });
    expect(en.csv.split('\r\n')[1]).toMatch(/^\+33612340001;;campaign;ACME-OUT;phone;web;2026-09-01;;form-1;2026-10-01;withdrawn;api:/);
  });
});

describe('consent records imported with a contact file', () => {
  it('refuses the rows with a bad consent date line by line, imports the others with their consent, and counts both', async () => {
    const csv = [
      'Téléphone;Nom;Date consentement;Source consentement;Portée consentement;Preuve consentement',
      '0612350001;Durand;15/09/2026;salon;campagne;bulletin 1',
      '0612350002;Martin;31/13/2026;salon;;bulletin 2',
      '0612350003;Petit;;;;',
      '0612350004;Bernard;2026-09-16;web;client;',
      '0612350005;Thomas;demain;web;;',
      '0612350006;Robert;2026-09-17;web;planète;',
    ].join('\n').replace('campagne', 'campaign');
    const user = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    const out = campaigns['ACME-OUT']!;
    const file = await storeUpload(engine.ch, fileStorage(), {
      purpose: 'contacts', name: 'contacts-consentement.csv', partnershipId: out.partnership_id, campaignId: out.id, ownerOrgId: '',
      actor: { id: user.id, name: user.name, side: 'client' }, limit: 1 << 20, body: (async function* () { yield Buffer.from(csv); })(),
    });
    const client = await callerAs(engine.ch, 'client@acme.test');
    const inspected = await client.contacts.inspect({ fileId: file.id });
    expect(inspected.guess).toMatchObject({ consentDate: 'Date consentement', consentSource: 'Source consentement', consentScope: 'Portée consentement', consentProof: 'Preuve consentement' });
    const { listId } = await client.contacts.start({
      fileId: file.id, campaignId: out.id,
      mapping: { phone: 'Téléphone', lastName: 'Nom', consentDate: 'Date consentement', consentSource: 'Source consentement', consentScope: 'Portée consentement', consentProof: 'Preuve consentement' },
    });
    let progress = await client.contacts.progress({ listId });
    for (let i = 0; i < 300 && progress.status === 'importing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await client.contacts.progress({ listId });
    }
    expect(progress.status).toBe('ready');
    expect(progress.report).toMatchObject({ rows_read: 6, valid: 3, invalid_consent: 3, with_consent: 2 });
    // Each refused row with its reason, in the rejected rows' file.
    const rejectedFile = (await workspaceSql.file(engine.ch, progress.rejectedFileId!))!;
    const rejected = (await readFile(await fileStorage().localPath(rejectedFile.storage_key), 'utf8')).trim().split('\r\n').slice(1);
    expect(rejected.map((l) => l.split(';').slice(0, 3))).toEqual([
      ['2', 'invalid_consent', '"given_at: ""31/13/2026"" is not a date (2026-08-12 or 12/08/2026)"'],
      ['5', 'invalid_consent', '"given_at: ""demain"" is not a date (2026-08-12 or 12/08/2026)"'],
      ['6', 'invalid_consent', '"scope: ""planète"" must be one of campaign, client"'],
    ]);
    const partnership = out.partnership_id;
    const stored = await numbersSql.consentsOfPhone(engine.ch, partnership, ['+33612350001', '+33612350002', '+33612350003', '+33612350004', '+33612350005', '+33612350006']);
    expect(stored.map((r) => [r.phone_e164, r.scope, r.source, r.given_at, r.proof_ref, r.origin])).toEqual([
      ['+33612350001', 'campaign', 'salon', Date.UTC(2026, 8, 15), 'bulletin 1', `import:${listId}`],
      ['+33612350004', 'client', 'web', Date.UTC(2026, 8, 16), '', `import:${listId}`],
    ]);
    const contacts = await engine.ch.query({ query: 'SELECT phone_e164, consent_source FROM contacts FINAL WHERE list_id = {l:String} ORDER BY phone_e164', query_params: { l: listId }, format: 'JSONEachRow' });
    expect(await contacts.json()).toEqual([
      { phone_e164: '+33612350001', consent_source: 'salon' }, { phone_e164: '+33612350003', consent_source: '' }, { phone_e164: '+33612350004', consent_source: 'web' },
    ]);
  });
});

describe('the audit log', () => {
  it('has a line for every number and consent change', async () => {
    const lines = await auditOfOrg(engine.ch, { orgId: callproId, from: started - 1000, to: Date.now() + 1000, limit: 500 });
    const actions = new Set(lines.map((l) => l.action));
    for (const a of ['number.add', 'number.update', 'number.remove', 'consent.record', 'consent.withdraw', 'consent.import']) expect(actions, a).toContain(a);
    expect(lines.find((l) => l.action === 'consent.record')).toMatchObject({ actor_email: `API key crm (${key.slice(0, 8)}…)`, outcome: 'done' });
    expect(lines.find((l) => l.action === 'number.remove')).toMatchObject({ actor_email: 'manager@callpro.test', summary: 'Number +33180003000 removed from the inventory' });
    // The client's admins see the lines of their own numbers and of the consents of their campaigns.
    const acme = new Set((await auditOfOrg(engine.ch, { orgId: acmeId, from: started - 1000, to: Date.now() + 1000, limit: 500 })).map((l) => l.action));
    expect([...acme].sort()).toEqual(expect.arrayContaining(['consent.import', 'consent.record', 'consent.withdraw', 'number.add']));
  });
});
