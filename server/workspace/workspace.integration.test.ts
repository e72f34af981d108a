// The workspace through the real tRPC router on chDB: brief history, sign-off rules, training
// acknowledgements, the feed with unread counts, and the Horizon client kept out of Acme's workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy, type Campaign, type Partnership } from '@/clickhouse/queries/tenancy';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { storeUpload } from '@/server/files/service';
import { diskStorage } from '@/server/files/storage';
import path from 'node:path';

let engine: TestEngine;
let acme: Partnership;
let horizon: Partnership;
let acmeOut: Campaign;
type Caller = Awaited<ReturnType<typeof callerAs>>;
const as: Record<string, Caller> = {};

const brief = {
  objectives: 'Vendre l’offre verte', technical_scope: 'Prédictif, 20 agents', start_date: '2026-12-01', end_date: '2027-02-28',
  client_contact_name: 'Claire Martin', client_contact_email: 'claire@acme.test', client_contact_phone: '+33145000000',
  outsourcer_contact_name: 'Marc Durand', outsourcer_contact_email: 'marc@callpro.test', outsourcer_contact_phone: '',
};

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const client = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  const partnerships = await tenancy.partnershipsOfOrg(engine.ch, (await tenancy.userByEmail(engine.ch, 'manager@callpro.test'))!.org_id);
  acme = partnerships.find((p) => p.client_org_id === client.org_id)!;
  horizon = partnerships.find((p) => p.client_org_id !== client.org_id)!;
  acmeOut = (await tenancy.campaignsOfPartnerships(engine.ch, [acme.id])).find((c) => c.code === 'ACME-OUT')!;
  for (const email of ['client@acme.test', 'client@horizon.test', 'manager@callpro.test', 'agent1@callpro.test', 'agent3@callpro.test', 'quality@callpro.test'])
    as[email] = await callerAs(engine.ch, email);
});
afterAll(() => engine?.close());

describe('brief', () => {
  it('keeps every revision with who changed which fields', async () => {
    await as['client@acme.test']!.workspace.brief.save({ partnershipId: acme.id, fields: brief });
    await as['manager@callpro.test']!.workspace.brief.save({ partnershipId: acme.id, fields: { ...brief, outsourcer_contact_phone: '+33178000000' } });
    // Saving the same content again is not a new revision.
    await as['manager@callpro.test']!.workspace.brief.save({ partnershipId: acme.id, fields: { ...brief, outsourcer_contact_phone: '+33178000000' } });
    const { current, history } = await as['quality@callpro.test']!.workspace.brief.get({ partnershipId: acme.id });
    expect(current?.revision).toBe(2);
    expect(current?.outsourcer_contact_phone).toBe('+33178000000');
    expect(history.map((h) => [h.revision, h.edited_by_name, h.changed])).toEqual([
      [2, 'Marc Manager', ['outsourcer_contact_phone']],
      [1, expect.any(String), expect.arrayContaining(['objectives', 'technical_scope'])],
    ]);
  });
  it('refuses an end date before the start and agents or quality editing', async () => {
    expect(await codeOf(as['client@acme.test']!.workspace.brief.save({ partnershipId: acme.id, fields: { ...brief, end_date: '2026-01-01' } }))).toBe('BAD_REQUEST');
    expect(await codeOf(as['quality@callpro.test']!.workspace.brief.save({ partnershipId: acme.id, fields: brief }))).toBe('FORBIDDEN');
    expect(await codeOf(as['agent1@callpro.test']!.workspace.brief.get({ partnershipId: acme.id }))).toBe('FORBIDDEN');
  });
});

describe('specification sign-off', () => {
  it('is proposed by one side, signed by the other, and a signed version never changes', async () => {
    const client = as['client@acme.test']!;
    const manager = as['manager@callpro.test']!;
    const { number: v1 } = await manager.workspace.spec.propose({ partnershipId: acme.id, body: '# Cahier des charges\n\nV1', note: 'premier jet' });
    expect(await codeOf(manager.workspace.spec.sign({ partnershipId: acme.id, number: v1 }))).toBe('CONFLICT');
    const { number: v2 } = await client.workspace.spec.propose({ partnershipId: acme.id, body: '# Cahier des charges\n\nV2 (horaires)' });
    // v1 is superseded: nobody can sign it any more.
    expect(await codeOf(client.workspace.spec.sign({ partnershipId: acme.id, number: v1 }))).toBe('CONFLICT');
    expect(await codeOf(client.workspace.spec.sign({ partnershipId: acme.id, number: v2 }))).toBe('CONFLICT');
    await manager.workspace.spec.sign({ partnershipId: acme.id, number: v2 });
    expect(await codeOf(manager.workspace.spec.sign({ partnershipId: acme.id, number: v2 }))).toBe('CONFLICT');
    const versions = await client.workspace.spec.list({ partnershipId: acme.id });
    expect(versions.map((v) => [v.number, v.status, v.signed_by_name, v.canSign])).toEqual([
      [v2, 'signed', 'Marc Manager', false],
      [v1, 'superseded', '', false],
    ]);
    // Editing after signature starts version 3, the signed one stays as it was.
    const { number: v3 } = await client.workspace.spec.propose({ partnershipId: acme.id, body: 'V3' });
    const after = await manager.workspace.spec.list({ partnershipId: acme.id });
    expect(v3).toBe(v2 + 1);
    expect(after.find((v) => v.number === v2)).toMatchObject({ status: 'signed', body: '# Cahier des charges\n\nV2 (horaires)' });
    expect(after.find((v) => v.number === v3)).toMatchObject({ status: 'proposed', canSign: true });
  });
});

describe('training', () => {
  it('shows agents their campaigns’ documents and both sides who acknowledged', async () => {
    const storage = diskStorage(path.join(engine.dir, 'files'));
    const client = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    const file = await storeUpload(engine.ch, storage, {
      purpose: 'training', name: 'argumentaire.pdf', partnershipId: acme.id, campaignId: acmeOut.id, ownerOrgId: '',
      actor: { id: client.id, name: client.name, side: 'client' }, limit: 1 << 20,
      body: (async function* () { yield Buffer.from('%PDF-1.7\n% argumentaire\n'); })(),
    });
    const { id } = await as['client@acme.test']!.workspace.training.add({ partnershipId: acme.id, campaignId: acmeOut.id, title: 'Argumentaire offre verte', kind: 'pdf', fileId: file.id });
    expect((await as['agent3@callpro.test']!.workspace.training.mine()).map((d) => d.id)).not.toContain(id);
    expect(await codeOf(as['agent3@callpro.test']!.workspace.training.acknowledge({ documentId: id }))).toBe('NOT_FOUND');
    const mine = await as['agent1@callpro.test']!.workspace.training.mine();
    expect(mine.find((d) => d.id === id)?.acknowledged_at).toBeNull();
    await as['agent1@callpro.test']!.workspace.training.acknowledge({ documentId: id });
    const seen = (await as['client@acme.test']!.workspace.training.list({ partnershipId: acme.id })).find((d) => d.id === id)!;
    // Acme's six agents: agent 1 has read it, the others not yet.
    expect(seen.agents.map((a) => [a.agent_code, a.acknowledged_at !== null])).toEqual(['A1', 'A2', 'A5', 'A6', 'A7', 'A8'].map((c) => [c, c === 'A1']));
  });
});

describe('activity feed', () => {
  it('lists the events, counts unread ones by others, and clears them when read', async () => {
    const feed = await as['client@acme.test']!.workspace.activity.feed({ partnershipId: acme.id });
    expect(new Set(feed.map((e) => e.kind))).toEqual(new Set(['brief_changed', 'spec_proposed', 'spec_signed', 'file_uploaded', 'training_added', 'training_acknowledged']));
    await as['manager@callpro.test']!.workspace.activity.comment({ partnershipId: acme.id, subjectType: 'spec', subjectId: '2', body: 'OK pour nous' });
    const unreadBefore = (await as['client@acme.test']!.workspace.activity.workspaces()).find((w) => w.id === acme.id)!.unread;
    // Others' events since the client never opened it: the manager's brief edit, v1, signature and
    // comment, and agent 1's acknowledgement.
    expect(unreadBefore).toBe(5);
    await as['client@acme.test']!.workspace.activity.markRead({ partnershipId: acme.id });
    expect((await as['client@acme.test']!.workspace.activity.workspaces()).find((w) => w.id === acme.id)!.unread).toBe(0);
    const comment = (await as['quality@callpro.test']!.workspace.activity.feed({ partnershipId: acme.id }))[0]!;
    expect(comment).toMatchObject({ kind: 'comment', body: 'OK pour nous', subject_type: 'spec', actor_side: 'outsourcer' });
  });
});

describe('tenancy', () => {
  it('answers NOT_FOUND to the Horizon client for everything of Acme', async () => {
    const h = as['client@horizon.test']!;
    const p = { partnershipId: acme.id };
    for (const call of [
      h.workspace.brief.get(p), h.workspace.brief.save({ ...p, fields: brief }), h.workspace.spec.list(p),
      h.workspace.spec.propose({ ...p, body: 'x' }), h.workspace.spec.sign({ ...p, number: 2 }), h.workspace.training.list(p),
      h.workspace.activity.feed(p), h.workspace.activity.comment({ ...p, subjectType: 'workspace', subjectId: '', body: 'x' }),
      h.workspace.activity.markRead(p),
    ]) expect(await codeOf(call)).toBe('NOT_FOUND');
    expect((await h.workspace.activity.workspaces()).map((w) => w.id)).toEqual([horizon.id]);
    const acmeDocs = await as['client@acme.test']!.workspace.training.list(p);
    expect(await codeOf(h.workspace.training.acknowledge({ documentId: acmeDocs[0]!.id }))).toBe('NOT_FOUND');
  });

  it('refuses a document for one partnership on another partnership’s campaign, though the manager sees both', async () => {
    const horizonOut = (await tenancy.campaignsOfPartnerships(engine.ch, [horizon.id])).find((c) => c.code === 'HORIZON-OUT')!;
    const link = { title: 'Lien', kind: 'link' as const, url: 'https://example.test/guide' };
    const manager = as['manager@callpro.test']!;
    expect(await codeOf(manager.workspace.training.add({ partnershipId: acme.id, campaignId: horizonOut.id, ...link }))).toBe('NOT_FOUND');
    expect(await codeOf(manager.workspace.training.add({ partnershipId: horizon.id, campaignId: horizonOut.id, ...link }))).toBe('OK');
    expect((await as['client@acme.test']!.workspace.training.list({ partnershipId: acme.id })).map((d) => d.title)).not.toContain('Lien');
  });

  it('refuses a comment in one workspace about another workspace’s document, though the manager sees both', async () => {
    const manager = as['manager@callpro.test']!;
    const link = { title: 'Guide Horizon', kind: 'link' as const, url: 'https://example.test/horizon' };
    const horizonOut = (await tenancy.campaignsOfPartnerships(engine.ch, [horizon.id])).find((c) => c.code === 'HORIZON-OUT')!;
    const { id: horizonDoc } = await manager.workspace.training.add({ partnershipId: horizon.id, campaignId: horizonOut.id, ...link });
    const about = (partnershipId: string, subjectType: 'training' | 'workspace', subjectId: string) =>
      codeOf(manager.workspace.activity.comment({ partnershipId, subjectType, subjectId, body: 'À revoir' }));
    expect(await about(acme.id, 'training', horizonDoc)).toBe('NOT_FOUND');
    expect(await about(acme.id, 'workspace', horizon.id)).toBe('NOT_FOUND');
    expect(await about(horizon.id, 'training', horizonDoc)).toBe('OK');
    expect(await about(acme.id, 'workspace', acme.id)).toBe('OK');
    expect((await as['client@acme.test']!.workspace.activity.feed({ partnershipId: acme.id })).filter((e) => e.subject_id === horizonDoc)).toEqual([]);
  });
});
