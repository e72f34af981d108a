// Campaign settings (issue 20): created and edited from the portal's procedures and through the public PUT with ONE
// schema (the same bad field, the same refusal), a code already taken refused with nothing written, the ring
// timeout's legal minimum, the caller ID's rules, one set of targets (set in the brief by the client, read by the
// live monitor, with its history), and an audit line for each change.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfOrg } from '@/clickhouse/queries/audit';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy, type Partnership } from '@/clickhouse/queries/tenancy';
import { createApiKey } from '@/server/api-keys/keys';
import { fieldIssues } from '@/server/campaigns/settings';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { callerAs, codeOf } from '@/server/testing/callers';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { userMessageOf } from '@/server/trpc/user-error';
import { answerProvisioning } from '@/server/campaigns/provision-request';
import { keyActor, type KeyActor } from '@/server/http/api-auth';

let engine: DemoEngine;
let key: KeyActor;
let callpro: string;
let acme: Partnership;
type Caller = Awaited<ReturnType<typeof callerAs>>;
const as: Record<string, Caller> = {};

beforeAll(async () => {
  engine = await openDemoEngine();
  callpro = await demoOutsourcerId(engine.ch);
  key = keyActor((await createApiKey(engine.ch, callpro, 'provisioning', 'test')).record);
  const client = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  acme = (await tenancy.partnershipsOfOrg(engine.ch, callpro)).find((p) => p.client_org_id === client.org_id)!;
  for (const email of ['manager@callpro.test', 'admin@callpro.test', 'client@acme.test', 'quality@callpro.test', 'agent1@callpro.test']) as[email] = await callerAs(engine.ch, email);
}, 180_000);
afterAll(() => engine?.close());

/** PUT /api/v1/campaigns/{code} once the key is known (the route file adds the key's check: app/api/v1). */
async function putCampaign(code: string, body: object) {
  const req = new Request(`http://relais.test/api/v1/campaigns/${code}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const res = await answerProvisioning(engine.ch, callpro, code, req, key);
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}
/** The field refusals of a refused procedure call, as the portal gets them. */
async function refusal(call: Promise<unknown>) {
  const err = await call.then(() => null, (e: unknown) => e);
  if (!(err instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { code: err.code, fields: err.cause instanceof ZodError ? fieldIssues(err.cause).map((f) => ({ ...f, path: f.path.replace(/^settings\./, '') })) : null, i18n: userMessageOf(err) };
}
async function count(table: string, where = '1') {
  const [r] = await selectRows<{ n: string }>(engine.ch, `SELECT count() AS n FROM ${table} WHERE ${where}`);
  return Number(r!.n);
}
const base = { name: 'Acme — Fidélisation', direction: 'outbound' as const, dial_mode: 'predictive' as const, time_zone: 'Europe/Paris' };

describe('one schema for the portal and the public PUT', () => {
  it('refuses the same bad field with the same refusal on both sides', async () => {
    for (const [bad, path, key] of [
      [{ ring_timeout_seconds: 10 }, 'ring_timeout_seconds', 'min'],
      [{ time_zone: 'Europe/Atlantis' }, 'time_zone', 'timeZone'],
      [{ caller_id: '0145000000' }, 'caller_id', 'callerIdFormat'],
      [{ caller_id: '+33612345678' }, 'caller_id', 'callerIdMobile'],
      [{ sl_threshold_seconds: 0 }, 'sl_threshold_seconds', 'min'],
      [{ dispositions: [{ code: 'sale', success: true }, { code: 'sale' }] }, 'dispositions.1.code', 'dispositionTwice'],
    ] as const) {
      const portal = await refusal(as['manager@callpro.test']!.campaigns.create({ partnershipId: acme.id, code: 'NEW-1', settings: { ...base, ...bad } as never }));
      expect(portal.code).toBe('BAD_REQUEST');
      expect(portal.fields).toEqual([expect.objectContaining({ path, key })]);
      const put = await putCampaign('NEW-1', { ...base, client: 'Acme Energie', ...bad });
      expect(put).toEqual({ status: 400, body: { error: `${path}: ${portal.fields![0]!.english}` } });
    }
    expect(await count('campaigns', "code = 'NEW-1'")).toBe(0);
  });

  it('creates a campaign from the portal with every setting, read back as saved, a predictive one ringing 15 s by default', async () => {
    const settings = {
      ...base, sl_threshold_seconds: 30, short_abandon_seconds: 4, compliance_profile: 'uk' as const, wrap_up_seconds: 20,
      caller_id: '+33180009000', consent_required: true, recording: false, script: 'Bonjour, {prénom}…',
      dispositions: [
        { code: 'sale', label: 'Vente', success: true },
        { code: 'callback', label: 'À rappeler', callback: true },
        { code: 'no', label: 'Refus', refusal: true },
        { code: 'stop', label: 'Ne plus appeler', refusal: true, dnc: true },
      ],
    };
    const { id } = await as['manager@callpro.test']!.campaigns.create({ partnershipId: acme.id, code: 'ACME-FID', settings });
    const read = await as['manager@callpro.test']!.campaigns.settings({ campaignId: id });
    expect(read.editable).toBe(true);
    expect(read.settings).toMatchObject({
      name: base.name, direction: 'outbound', dial_mode: 'predictive', sl_threshold_seconds: 30, short_abandon_seconds: 4, compliance_profile: 'uk',
      ring_timeout_seconds: 15, wrap_up_seconds: 20, caller_id: '+33180009000', consent_required: true, recording: false, script: settings.script,
    });
    expect(read.settings.dispositions.map((d) => [d.code, d.success, d.callback, d.refusal, d.dnc])).toEqual([
      ['sale', true, false, false, false], ['callback', false, true, false, false], ['no', false, false, true, false], ['stop', false, false, true, true],
    ]);
    // The conversion rate counts the catalogue's successes.
    expect((await as['manager@callpro.test']!.campaigns.get({ campaignId: id })).success_dispositions).toEqual(['sale']);
    // The client sees it, read-only; agents do not.
    expect((await as['client@acme.test']!.campaigns.settings({ campaignId: id })).editable).toBe(false);
    expect(await codeOf(as['agent1@callpro.test']!.campaigns.settings({ campaignId: id }))).toBe('FORBIDDEN');
  });

  it('refuses a code already taken, in the user’s language, with nothing written', async () => {
    const before = await Promise.all(['campaigns', 'dialer_settings', 'campaign_targets', 'audit_log'].map((t) => count(t)));
    const r = await refusal(as['admin@callpro.test']!.campaigns.create({ partnershipId: acme.id, code: 'ACME-OUT', settings: base }));
    expect(r).toMatchObject({ code: 'CONFLICT', i18n: { key: 'error.campaignCodeTaken', vars: { code: 'ACME-OUT' } } });
    expect(await Promise.all(['campaigns', 'dialer_settings', 'campaign_targets', 'audit_log'].map((t) => count(t)))).toEqual(before);
  });

  it('lets only the outsourcer’s managers and admins create and edit', async () => {
    const [acmeIn] = (await tenancy.campaignsOfPartnerships(engine.ch, [acme.id])).filter((c) => c.code === 'ACME-IN');
    expect(await codeOf(as['client@acme.test']!.campaigns.create({ partnershipId: acme.id, code: 'BY-CLIENT', settings: base }))).toBe('FORBIDDEN');
    expect(await codeOf(as['quality@callpro.test']!.campaigns.update({ campaignId: acmeIn!.id, settings: { name: 'x', direction: 'inbound' } }))).toBe('FORBIDDEN');
    expect(await codeOf(as['client@acme.test']!.campaigns.update({ campaignId: acmeIn!.id, settings: { name: 'x', direction: 'inbound' } }))).toBe('FORBIDDEN');
  });

  it('creates and updates through the PUT with the same write path, keeping settings it does not send', async () => {
    const created = await putCampaign('API-CAMP', { name: 'Par API', client: 'Acme Energie', direction: 'outbound', dial_mode: 'predictive', compliance_profile: 'us', target_conversion_rate: 0.1 });
    expect(created.status).toBe(201);
    expect(created.body.campaign).toMatchObject({ code: 'API-CAMP', settings: { compliance_profile: 'us', ring_timeout_seconds: 15 } });
    const updated = await putCampaign('API-CAMP', { name: 'Par API (2)', client: 'Acme Energie', direction: 'outbound', ring_timeout_seconds: 20 });
    expect(updated.status).toBe(200);
    expect(updated.body.campaign).toMatchObject({ name: 'Par API (2)', settings: { compliance_profile: 'us', ring_timeout_seconds: 20 } });
    expect((await putCampaign('API-CAMP', { name: 'x', client: 'Acme Energie', direction: 'outbound', ring_timeout_seconds: 14 })).body).toEqual({ error: 'ring_timeout_seconds: Too small: expected number to be >=15' });
  });
});

describe('one set of targets', () => {
  it('is set in the brief by the client, read by the live monitor, with its history', async () => {
    const acmeOut = (await tenancy.campaignsOfPartnerships(engine.ch, [acme.id])).find((c) => c.code === 'ACME-OUT')!;
    const seeded = (await as['client@acme.test']!.kpi.live({ campaignId: acmeOut.id })).targets;
    expect(seeded.target_conversion_rate).toBe(0.12);
    const r = await as['client@acme.test']!.workspace.brief.setTargets({ partnershipId: acme.id, campaignId: acmeOut.id, targets: { target_conversion_rate: 0.15, target_aht_seconds: 240 } });
    expect(r).toEqual({ revision: 2, changed: ['target_conversion_rate', 'target_aht_seconds'] });
    const live = await as['manager@callpro.test']!.kpi.live({ campaignId: acmeOut.id });
    expect(live.targets).toMatchObject({ target_conversion_rate: 0.15, target_aht_seconds: 240, target_sal: 0.75, target_sal_hours: 8 });
    expect((await as['client@acme.test']!.kpi.range({ campaignId: acmeOut.id, from: Date.now() - 86_400_000, to: Date.now() })).targets.target_conversion_rate).toBe(0.15);
    // The public PUT writes the same store.
    expect((await putCampaign('ACME-OUT', { name: acmeOut.name, client: 'Acme Energie', direction: 'outbound', target_nps: 40 })).status).toBe(200);
    const brief = await as['manager@callpro.test']!.workspace.brief.get({ partnershipId: acme.id });
    const entry = brief.targets.find((t) => t.campaignId === acmeOut.id)!;
    expect(entry.current).toMatchObject({ target_conversion_rate: 0.15, target_nps: 40 });
    expect(entry.history.map((h) => [h.revision, h.edited_by_name, h.changed])).toEqual([
      [3, 'API key provisioning', ['target_nps']],
      [2, 'Claire Acme', ['target_conversion_rate', 'target_aht_seconds']],
      [1, 'Relais', expect.arrayContaining(['target_conversion_rate', 'target_sal'])],
    ]);
  });

  it('refuses a campaign of another partnership, and agents', async () => {
    const horizonIn = (await tenancy.campaignsOfPartnerships(engine.ch, (await tenancy.partnershipsOfOrg(engine.ch, callpro)).map((p) => p.id))).find((c) => c.code === 'HORIZON-IN')!;
    expect(await codeOf(as['manager@callpro.test']!.workspace.brief.setTargets({ partnershipId: acme.id, campaignId: horizonIn.id, targets: { target_nps: 10 } }))).toBe('NOT_FOUND');
    expect(await codeOf(as['client@acme.test']!.workspace.brief.setTargets({ partnershipId: acme.id, campaignId: horizonIn.id, targets: { target_nps: 10 } }))).toBe('NOT_FOUND');
    expect(await codeOf(as['quality@callpro.test']!.workspace.brief.setTargets({ partnershipId: acme.id, campaignId: horizonIn.id, targets: { target_nps: 10 } }))).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('has a line for each creation, settings change and targets change, seen by both sides', async () => {
    const acmeFid = (await tenancy.campaignsOfPartnerships(engine.ch, [acme.id])).find((c) => c.code === 'ACME-FID')!;
    const { settings } = await as['manager@callpro.test']!.campaigns.settings({ campaignId: acmeFid.id });
    await as['manager@callpro.test']!.campaigns.update({ campaignId: acmeFid.id, settings: { ...settings, compliance_profile: 'us', wrap_up_seconds: 30 } });
    const range = { from: Date.now() - 3_600_000, to: Date.now() + 60_000, limit: 100 };
    const lines = await auditOfOrg(engine.ch, { orgId: callpro, actionPrefix: 'campaign.', ...range });
    const clientLines = await auditOfOrg(engine.ch, { orgId: acme.client_org_id, actionPrefix: 'campaign.', ...range });
    const of = (action: string, id: string) => lines.filter((l) => l.action === action && l.subject_id === id);
    expect(of('campaign.create', acmeFid.id)).toEqual([expect.objectContaining({ actor_email: 'manager@callpro.test', outcome: 'done' })]);
    const update = of('campaign.update', acmeFid.id);
    expect(update).toHaveLength(1);
    expect(JSON.parse(update[0]!.detail)).toEqual({ profile: { before: 'uk', after: 'us' }, wrapSeconds: { before: 20, after: 30 } });
    expect(lines.filter((l) => l.action === 'campaign.targets').map((l) => l.actor_email)).toEqual(expect.arrayContaining(['client@acme.test', expect.stringMatching(/^API key provisioning/)]));
    expect(clientLines.map((l) => l.id).sort()).toEqual(lines.filter((l) => l.org_ids.includes(acme.client_org_id)).map((l) => l.id).sort());
    expect(clientLines.some((l) => l.action === 'campaign.create')).toBe(true);
  });
});
