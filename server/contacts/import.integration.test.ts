// Contact import end to end on chDB through the tRPC router: the report's counts, contacts stored once per
// number, opt-out screening, a sample then the full run, a restart mid-import, and tenancy.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { seedDemo } from '@/server/seed/demo';
import { storeUpload } from '@/server/files/service';
import { fileStorage } from '@/server/files/storage';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { failInterruptedImports } from './import-job';
import { generateContacts, writeCsv, writeXlsx } from './testing/generate-contacts';

let engine: TestEngine;
let acmeOut: Campaign;
type Caller = Awaited<ReturnType<typeof callerAs>>;
let client: Caller;
let manager: Caller;
let horizon: Caller;
const now = new Date();
const g = generateContacts(3_000, now);
const mapping = { phone: 'Téléphone', firstName: 'Prénom', lastName: 'Nom', email: 'Email', date: 'Date collecte', segment: 'Segment', custom: ['Offre'] };

async function upload(file: string, purpose: 'contacts' | 'opt_out', name: string) {
  const user = (await tenancy.userByEmail(engine.ch, purpose === 'opt_out' ? 'manager@callpro.test' : 'client@acme.test'))!;
  return storeUpload(engine.ch, fileStorage(), {
    purpose, name, partnershipId: purpose === 'opt_out' ? '' : acmeOut.partnership_id, campaignId: purpose === 'opt_out' ? '' : acmeOut.id,
    ownerOrgId: purpose === 'opt_out' ? user.org_id : '', actor: { id: user.id, name: user.name, side: purpose === 'opt_out' ? 'outsourcer' : 'client' },
    limit: 1 << 30, body: createReadStream(file),
  });
}

async function finished(caller: Caller, listId: string) {
  for (let i = 0; i < 600; i++) {
    const p = await caller.contacts.progress({ listId });
    if (p.status !== 'importing') return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const stored = async (listId?: string) =>
  Number((await (await engine.ch.query({
    query: `SELECT count() AS n FROM contacts FINAL WHERE campaign_id = {c:String} ${listId ? 'AND list_id = {l:String}' : ''}`,
    query_params: { c: acmeOut.id, l: listId ?? '' }, format: 'JSONEachRow',
  })).json<{ n: string }>())[0]!.n);

beforeAll(async () => {
  engine = await openTestEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  await seedDemo(engine.ch);
  const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  const partnership = (await tenancy.partnershipsOfOrg(engine.ch, acme.org_id))[0]!;
  acmeOut = (await tenancy.campaignsOfPartnerships(engine.ch, [partnership.id])).find((c) => c.code === 'ACME-OUT')!;
  client = await callerAs(engine.ch, 'client@acme.test');
  manager = await callerAs(engine.ch, 'manager@callpro.test');
  horizon = await callerAs(engine.ch, 'client@horizon.test');
  // What the campaign already holds: the generator's "existing" numbers, from an earlier list.
  await contactsSql.insertContacts(engine.ch, [...g.existing].map((phone_e164, i) => ({
    campaign_id: acmeOut.id, phone_e164, list_id: 'earlier', source_row: i + 1, country: 'FR', first_name: '', last_name: '', email: '',
    segment: '', record_date: null, fields: {}, imported_at: Date.now(),
  })));
  // The outsourcer's opt-out list, uploaded as a one-column CSV.
  const optOutFile = path.join(engine.dir, 'bloctel.csv');
  await writeCsv(optOutFile, [...g.optOut].map((n) => [n.replace('+33', '0')]), { delimiter: ';', encoding: 'utf-8' });
  const f = await upload(optOutFile, 'opt_out', 'bloctel.csv');
  expect(await manager.contacts.registerOptOut({ fileId: f.id, listDate: now.toISOString().slice(0, 10) })).toMatchObject({ numbers: g.optOut.size });
});
afterAll(() => engine?.close());

describe('a contact file delivered by the client', () => {
  it('is inspected, sampled, then imported with an exact report', async () => {
    const file = path.join(engine.dir, 'contacts.xlsx');
    await writeXlsx(file, g);
    const uploaded = await upload(file, 'contacts', 'contacts.xlsx');
    const inspected = await client.contacts.inspect({ fileId: uploaded.id });
    expect(inspected).toMatchObject({ format: 'xlsx', guess: { phone: 'Téléphone', firstName: 'Prénom', email: 'Email', segment: 'Segment' } });

    const sample = await client.contacts.start({ fileId: uploaded.id, campaignId: acmeOut.id, mapping, sample: 200 });
    const sampled = await finished(client, sample.listId);
    expect(sampled.report?.rows_read).toBe(200);
    expect(await stored(sample.listId)).toBe(sampled.report!.valid);

    const full = await client.contacts.start({ fileId: uploaded.id, campaignId: acmeOut.id, mapping });
    const done = await finished(client, full.listId);
    expect(done.status).toBe('ready');
    const e = g.expected;
    // The sample's contacts are replaced by the full run, not counted as already in the campaign.
    expect(done.report).toMatchObject({
      rows_read: e.rows_read, valid: e.valid, normalised: e.normalised, foreign: e.foreign, invalid_phone: e.invalid_phone,
      missing_phone: e.missing_phone, duplicates_in_file: e.duplicates_in_file, opt_out: e.opt_out, duplicates_in_campaign: e.duplicates_in_campaign,
    });
    expect(await stored(full.listId)).toBe(e.valid);
    expect(await stored()).toBe(e.valid + g.existing.size);
    const lists = await manager.contacts.lists({ campaignId: acmeOut.id });
    expect(lists.map((l) => [l.name, l.status, l.contacts])).toEqual([['contacts.xlsx', 'ready', e.valid]]);
    expect(done.rejectedFileId).not.toBe('');
    const feed = await manager.workspace.activity.feed({ partnershipId: acmeOut.partnership_id });
    expect(feed.filter((x) => x.kind === 'import_done')).toHaveLength(2);
  });

  it('runs again after a restart cut it, without doubling anything', async () => {
    const file = path.join(engine.dir, 'again.csv');
    await writeCsv(file, g.rows, { delimiter: ';', encoding: 'windows-1252' });
    const uploaded = await upload(file, 'contacts', 'again.csv');
    // A list left "importing" with part of its contacts, as a crash would leave it.
    const before = await stored();
    await contactsSql.putList(engine.ch, {
      id: 'cut', campaign_id: acmeOut.id, partnership_id: acmeOut.partnership_id, name: 'again.csv', file_id: uploaded.id, sample: 0,
      status: 'importing', error: '', report: '', rejected_file_id: '', contacts: 0, created_by: 'x', created_by_name: 'x', created_at: new Date().toISOString(),
    });
    expect(await failInterruptedImports(engine.ch)).toBe(1);
    expect((await client.contacts.progress({ listId: 'cut' })).status).toBe('failed');
    const rerun = await finished(client, (await client.contacts.start({ fileId: uploaded.id, campaignId: acmeOut.id, mapping })).listId);
    // Every valid number is already in the campaign from the first file: nothing new, nothing doubled.
    expect(rerun.report).toMatchObject({ valid: 0, duplicates_in_campaign: g.expected.valid + g.expected.duplicates_in_campaign });
    expect(await stored()).toBe(before);
  });

  it('refuses a mapping to a column the file does not have, and an inbound campaign', async () => {
    const file = path.join(engine.dir, 'small.csv');
    await writeCsv(file, g.rows.slice(0, 10), { delimiter: ',', encoding: 'utf-8' });
    const uploaded = await upload(file, 'contacts', 'small.csv');
    expect(await codeOf(client.contacts.start({ fileId: uploaded.id, campaignId: acmeOut.id, mapping: { ...mapping, phone: 'Portable' } }))).toBe('BAD_REQUEST');
    const acmeIn = (await tenancy.campaignsOfPartnerships(engine.ch, [acmeOut.partnership_id])).find((c) => c.code === 'ACME-IN')!;
    expect(await codeOf(client.contacts.start({ fileId: uploaded.id, campaignId: acmeIn.id, mapping }))).toBe('BAD_REQUEST');
  });
});

describe('tenancy', () => {
  it('keeps Acme’s files and lists away from the Horizon client', async () => {
    const lists = await client.contacts.lists({ campaignId: acmeOut.id });
    const file = (await contactsSql.list(engine.ch, lists[0]!.id))!;
    expect(await codeOf(horizon.contacts.inspect({ fileId: file.file_id }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.contacts.start({ fileId: file.file_id, campaignId: acmeOut.id, mapping }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.contacts.progress({ listId: file.id }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.contacts.lists({ campaignId: acmeOut.id }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.contacts.optOutLists())).toBe('FORBIDDEN');
    expect(await codeOf(client.contacts.registerOptOut({ fileId: file.file_id, listDate: '2026-11-01' }))).toBe('FORBIDDEN');
  });
});
