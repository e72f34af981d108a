// Integration-test support for the adversarial tenancy tests (server/trpc/adversarial.integration.test.ts and
// app/api/adversarial.integration.test.ts): two tenants furnished with an object of every kind the procedures and
// routes take an id of, built through the product's own services; the inputs that name one tenant's objects, and
// their mixes with the caller's own ids; what "nothing changed" and "nothing leaked" are measured with.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import type { Clickhouse } from '@/clickhouse/client';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy, type User } from '@/clickhouse/queries/tenancy';
import type { FilePurpose } from '@/clickhouse/vocabulary';
import { callRecord } from '@/dialer/calls/call-record';
import { resolveRecording, wavOf } from '@/dialer/media/recording';
import { authorizeCredentials } from '@/server/auth/credentials';
import { ingestSink } from '@/server/dialer/record-sink';
import { surveyTokens } from '@/clickhouse/queries/surveys';
import { answerSurvey } from '@/server/surveys/links';
import { surveyIdOfToken } from '@/server/surveys/token';
import { dataDirOf, serverEnv } from '@/server/startup/env';
import type { SessionUser } from '@/server/auth/session-user';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { storeUpload } from '@/server/files/service';
import { fileStorage } from '@/server/files/storage';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { createCaller } from '@/server/trpc/root';
import { createUser } from '@/server/users/create-user';
import { checkConsentFields } from '@/server/numbers/consent-line';
import { consentRow, writeConsents } from '@/server/numbers/consents';
import { actorOf } from '@/server/workspace/actor';
import { loadScope } from '@/server/tenancy/load-scope';
import { defaultSections, fullMarks } from '@/server/quality/grid';
import { AlertEvaluator } from '@/server/alerts/evaluator';
import { alertsSql } from '@/clickhouse/queries/alerts';

/** One tenant's objects: everything a procedure or a route takes an id (or a public API code) of. */
export interface TenantIds {
  outsourcerOrgId: string;
  clientOrgId: string;
  partnershipId: string;
  /** The outbound campaign (contact lists, dialer, training) and the inbound one (KPIs, call records). */
  campaignId: string;
  inboundCampaignId: string;
  campaignCode: string;
  inboundCampaignCode: string;
  contactsFileId: string;
  trainingFileId: string;
  documentFileId: string;
  optOutFileId: string;
  /** The rejected rows of the contact import, a file the product wrote itself. */
  rejectedFileId: string;
  trainingDocId: string;
  listId: string;
  optOutListId: string;
  apiKeyId: string;
  /** The agent of the outsourcer the fixture works with; a spare account of the outsourcer the people procedures
   * change (issue 20: deactivated, reactivated, edited, reset); a team of the outsourcer. */
  agentUserId: string;
  spareUserId: string;
  teamId: string;
  /** The number its outbound campaign presents (in its outsourcer's inventory, held for its client), and a spare one. */
  numberId: string;
  spareNumberId: string;
  /** A consent record of a contact of the outbound campaign. */
  consentId: string;
  /** A call of the outbound campaign stored with its recording, the WAV under $RELAIS_DATA_DIR/recordings. */
  recordedCallId: string;
  /** The manager's evaluation of that call, on the outbound campaign's grid (issue 19). */
  evaluationId: string;
  /** A detractor's answer (score 3) given on Relais's page through the recorded call's survey link. */
  detractorSurveyId: string;
  /** An alert rule of the inbound campaign (ASA over 5 s), the alert it opened on the call records' day, and a spare rule. */
  alertRuleId: string;
  alertId: string;
  spareAlertRuleId: string;
}

export interface Tenant {
  ids: TenantIds;
  /** Every string that is this tenant's alone (ids, names, codes, emails, the API key), with what it is: none may reach another tenant. */
  marks: Map<string, string>;
  /** Its ids only (UUIDs): what the rows of its data are found by. */
  rowMarks: string[];
  /** An API key of its outsourcer, in clear. */
  apiKey: string;
}

export type Caller = ReturnType<typeof createCaller>;
export const callerOf = (ch: Clickhouse, user: SessionUser | null): Caller => createCaller({ ch, user, now: Date.now });

export async function signIn(ch: Clickhouse, email: string): Promise<SessionUser> {
  const user = await authorizeCredentials(ch, email, DEMO_PASSWORD);
  if (!user) throw new Error(`No account ${email}`);
  return user;
}

/** Who furnishes a tenant: the client's staff, the outsourcer's manager and admin, an agent of its campaigns. */
interface Staff { client: SessionUser; manager: SessionUser; admin: SessionUser; agent: SessionUser }

const CONTACTS_CSV = 'Téléphone;Nom\n0612345678;Durand\n0698765432;Martin\npas-un-numéro;Faux\n';
const OPT_OUT_CSV = '0611111111\n0622222222\n';
const PDF = '%PDF-1.7\n% support de formation\n';
/** Two call records of the inbound campaign, with the tenant's agent, on 2 March 2026 (KPI_RANGE). */
const cdrRows = (agent: string) => [1, 2].map((n) => ({
  id: `cdr-${randomUUID()}`, direction: 'inbound', agent, started_at: `02/03/2026 09:0${n}:00`, connected_at: `02/03/2026 09:0${n}:10`,
  ended_at: `02/03/2026 09:0${n}:50`, outcome: 'connected',
}));

async function upload(ch: Clickhouse, by: SessionUser, purpose: FilePurpose, name: string, text: string, where: { partnershipId: string; campaignId: string }) {
  const scope = (await loadScope(ch, by.id))!;
  const file = await storeUpload(ch, fileStorage(), {
    purpose, name, partnershipId: purpose === 'opt_out' ? '' : where.partnershipId, campaignId: purpose === 'contacts' || purpose === 'training' ? where.campaignId : '',
    ownerOrgId: purpose === 'opt_out' ? by.orgId : '', actor: actorOf(by, scope), limit: 1 << 20,
    body: (async function* () { yield Buffer.from(text); })(),
  });
  return file.id;
}

/**
 * Gives a partnership one object of every kind, through the product's services and procedures as its own staff
 * would: a brief, a proposed specification, contact, training, document and opt-out files, a training document
 * acknowledged by the agent, an imported contact list (with rejected rows), an opt-out list, a comment, a read
 * marker, dialer settings, an API key and call records.
 */
export async function furnish(
  ch: Clickhouse, staff: Staff,
  base: Pick<TenantIds, 'outsourcerOrgId' | 'clientOrgId' | 'partnershipId' | 'campaignId' | 'inboundCampaignId' | 'campaignCode' | 'inboundCampaignCode'>,
  agentCode: string, callerId: string,
): Promise<{ ids: TenantIds; apiKey: string }> {
  const [client, manager, admin, agent] = [staff.client, staff.manager, staff.admin, staff.agent].map((u) => callerOf(ch, u)) as [Caller, Caller, Caller, Caller];
  const p = { partnershipId: base.partnershipId };
  const where = { partnershipId: base.partnershipId, campaignId: base.campaignId };
  await client.workspace.brief.save({ ...p, fields: BRIEF });
  await client.workspace.spec.propose({ ...p, body: '# Cahier des charges\n\nVersion du client, à signer', note: 'v1' });
  const contactsFileId = await upload(ch, staff.client, 'contacts', 'fichier.csv', CONTACTS_CSV, where);
  const trainingFileId = await upload(ch, staff.client, 'training', 'argumentaire.pdf', PDF, where);
  const documentFileId = await upload(ch, staff.client, 'document', 'contrat.pdf', PDF, where);
  const optOutFileId = await upload(ch, staff.manager, 'opt_out', 'bloctel.csv', OPT_OUT_CSV, where);
  const { id: trainingDocId } = await client.workspace.training.add({ ...where, title: 'Argumentaire', kind: 'pdf', fileId: trainingFileId });
  await agent.workspace.training.acknowledge({ documentId: trainingDocId });
  const { id: optOutListId } = await manager.contacts.registerOptOut({ fileId: optOutFileId, listDate: '2026-03-01' });
  const { listId } = await manager.contacts.start({ campaignId: base.campaignId, fileId: contactsFileId, mapping: { phone: 'Téléphone', lastName: 'Nom' } });
  const progress = await importEnded(manager, listId);
  if (progress.status !== 'ready' || !progress.rejectedFileId) throw new Error(`The fixture's contact import ended ${progress.status} ${progress.error}`);
  await manager.workspace.activity.comment({ ...p, subjectType: 'training', subjectId: trainingDocId, body: 'Lu et approuvé' });
  await client.workspace.activity.markRead(p);
  // The campaign's number from the inventory (the demo's is seeded there), and a spare number to remove.
  const held = (number: string) => ({ number, owner: 'client' as const, clientOrgId: base.clientOrgId, proofRef: 'Contrat opérateur' });
  const numberId = (await admin.numbers.list()).numbers.find((n) => n.number === callerId)?.id ?? (await admin.numbers.add(held(callerId))).id;
  const { id: spareNumberId } = await admin.numbers.add(held(`${callerId.slice(0, -2)}99`));
  await manager.dialer.configure({ campaignId: base.campaignId, callerId, abandonTarget: 0.02 });
  // A consent record of a contact of the outbound campaign.
  const consent = checkConsentFields({ phone: '0612345678', source: 'formulaire', given_at: '2026-02-01', scope: 'campaign', proof_ref: 'preuve' }, Date.now());
  if (!consent.ok) throw new Error(consent.error);
  const consentRecord = consentRow({ partnershipId: base.partnershipId, campaignId: base.campaignId }, consent.consent, 'test', staff.admin.id, Date.now());
  await writeConsents(ch, staff.admin, 'consent.record', { type: 'test', id: base.campaignId }, [base.outsourcerOrgId, base.clientOrgId], [consentRecord]);
  const { id: apiKeyId, key: apiKey } = await admin.apiKeys.create({ name: 'plateforme' });
  const { user: spare } = await admin.people.users.create({ name: `Réserve ${agentCode}`, email: `spare-${agentCode.toLowerCase()}@${staff.admin.email.split('@')[1]}`, role: 'quality' });
  const team = await manager.people.teams.save({ name: `Équipe ${agentCode}`, leadUserId: staff.manager.id, memberIds: [staff.agent.id] });
  await manager.cdrImport.chunk({ campaignId: base.inboundCampaignId, timeZone: 'Europe/Paris', firstLine: 2, rows: cdrRows(agentCode) });
  const recordedCallId = await recordedCall(ch, base.outsourcerOrgId, base.campaignCode, agentCode);
  await manager.quality.saveGrid({ campaignId: base.campaignId, name: `Grille ${agentCode}`, sections: defaultSections('outbound') });
  const { id: evaluationId } = await manager.quality.evaluate({ callId: recordedCallId, answers: fullMarks(defaultSections('outbound')), comments: [{ at: 1, text: 'Bonne accroche' }] });
  const [link] = await surveyTokens.ofCalls(ch, base.outsourcerOrgId, [recordedCallId]);
  if (!link) throw new Error('The fixture\'s recorded call has no survey link');
  await answerSurvey(ch, link.token, { score: 3, resolved: false, comment: `Pas satisfait ${agentCode}` });
  const detractorSurveyId = surveyIdOfToken(link.token);
  const { alertRuleId, alertId, spareAlertRuleId } = await alerted(ch, manager, base.inboundCampaignId);
  return {
    ids: { ...base, contactsFileId, trainingFileId, documentFileId, optOutFileId, rejectedFileId: progress.rejectedFileId, trainingDocId, listId, optOutListId, apiKeyId,
      agentUserId: staff.agent.id, spareUserId: spare.id, teamId: team.id, numberId, spareNumberId, consentId: consentRecord.id, recordedCallId, evaluationId, detractorSurveyId,
      alertRuleId, alertId, spareAlertRuleId },
    apiKey,
  };
}

/**
 * The manager's alert rules on the inbound campaign (ASA over 5 s at once; a spare one), and the alert the first
 * opened when evaluated at noon (UTC) on the day of the campaign's call records, whose ASA is 10 s.
 */
async function alerted(ch: Clickhouse, manager: Caller, campaignId: string) {
  const rule = { kpi: 'asa_seconds', comparison: 'above', threshold: 5, duration_minutes: 0, enabled: true } as const;
  const { id: alertRuleId } = await manager.alerts.saveRule({ campaignId, rule });
  const { id: spareAlertRuleId } = await manager.alerts.saveRule({ campaignId, rule: { ...rule, threshold: 600, duration_minutes: 15 } });
  const evaluator = new AlertEvaluator(ch, { now: () => Date.UTC(2026, 2, 2, 12, 0, 0), onError: (err) => { throw err; } });
  await evaluator.evaluate(campaignId);
  await evaluator.stop();
  const alert = (await alertsSql.open(ch, [campaignId])).find((a) => a.rule_id === alertRuleId);
  if (!alert) throw new Error('The fixture\'s alert rule opened no alert');
  return { alertRuleId, alertId: alert.id, spareAlertRuleId };
}

/** A recorded call of the campaign, stored as the dialer stores it, its WAV (one second of a tone) in the recordings dir. */
async function recordedCall(ch: Clickhouse, orgId: string, campaignCode: string, agentCode: string): Promise<string> {
  const id = `rec-${randomUUID()}`;
  const t0 = Date.UTC(2026, 2, 2, 10, 0, 0);
  const recordingPath = `2026-03-02/${id}.wav`;
  const file = resolveRecording(path.join(dataDirOf(serverEnv()), 'recordings'), recordingPath)!;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wavOf(Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)))));
  const record = callRecord({
    id, campaign: campaignCode, direction: 'outbound', phone: '+33612345678', agent: agentCode, startedAt: t0, answeredAt: t0 + 4_000,
    connectedAt: t0 + 4_500, endedAt: t0 + 64_000, outcome: 'connected', recordingPath,
  });
  const refused = await ingestSink(ch).write(orgId, [record]);
  if (refused.length) throw new Error(`The fixture's recorded call was refused: ${refused[0]!.error}`);
  return id;
}

/** Waits for a contact import started by `caller` to end. */
export async function importEnded(caller: Caller, listId: string) {
  for (let i = 0; i < 300; i++) {
    const p = await caller.contacts.progress({ listId });
    if (p.status !== 'importing') return p;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`The contact import ${listId} did not end`);
}

/** Waits until no contact import runs any more (a positive control may have started one). */
export async function importsSettled(ch: Clickhouse): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [{ n }] = await selectRows<{ n: string }>(ch, "SELECT count() AS n FROM contact_lists FINAL WHERE status = 'importing' AND deleted = 0") as [{ n: string }];
    if (Number(n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('Contact imports still running');
}

export const BRIEF = {
  objectives: 'Objectifs du trimestre', technical_scope: 'Prédictif', start_date: '2026-03-01', end_date: '2026-06-30',
  client_contact_name: 'Contact client', client_contact_email: 'contact@client.test', client_contact_phone: '',
  outsourcer_contact_name: 'Contact centre', outsourcer_contact_email: 'contact@centre.test', outsourcer_contact_phone: '',
};

/** The demo accounts (server/seed/demo.ts), and a client-side admin of Acme the seed has not but the roles allow. */
export const DEMO_CALLERS = [
  'admin@callpro.test', 'manager@callpro.test', 'quality@callpro.test', 'agent1@callpro.test', 'agent3@callpro.test',
  'client@acme.test', 'client@horizon.test', 'admin@acme.test',
] as const;
/** The other tenant's accounts, one of each role on both sides. */
export const FOREIGN_CALLERS = [
  'admin@zeta.test', 'manager@zeta.test', 'quality@zeta.test', 'agent@zeta.test', 'client@omega.test', 'admin@omega.test',
] as const;
/** Whose own objects a demo account works with: its partnership's (Acme unless it works for Horizon). */
const HORIZON_SIDE = new Set<string>(['agent3@callpro.test', 'client@horizon.test']);

export interface World {
  acme: Tenant;
  horizon: Tenant;
  foreign: Tenant;
  /** Every demo or foreign account, signed in. */
  sessions: Map<string, SessionUser>;
  /** The caller's own partnership's objects (in its scope as far as its role goes). */
  ownOf(email: string): TenantIds;
  /** The demo tenant's marks (CallPro, Acme and Horizon). */
  demoMarks: Map<string, string>;
  demoRowMarks: string[];
  /** Acme's side of the demo alone (not CallPro's): what the Horizon side must not reach, though CallPro serves both. */
  acmeOnly: Tenant;
}

/**
 * The seeded demo (Acme and Horizon furnished), and a second outsourcer, Zeta Contact, with its own client, Omega
 * Assurances, one partnership, an inbound and an outbound campaign and a user of each role: all built by the test.
 */
export async function buildWorld(ch: Clickhouse): Promise<World> {
  const callpro = (await tenancy.organizationsOfKind(ch, 'outsourcer')).find((o) => o.name === 'CallPro');
  if (!callpro) throw new Error('Seed the demo first: no CallPro');
  const acmeClient = (await tenancy.userByEmail(ch, 'client@acme.test'))!;
  await createUser(ch, { email: 'admin@acme.test', name: 'Alice Admin Acme', password: DEMO_PASSWORD, role: 'admin', orgId: acmeClient.org_id });

  // The other tenant: its outsourcer, then its campaigns provisioned as its platform would (the client org and the
  // partnership come with the first), then its people.
  const zeta = { id: randomUUID(), name: 'Zeta Contact', kind: 'outsourcer' as const };
  await tenancy.putOrganizations(ch, [zeta]);
  const provision = (code: string, direction: 'inbound' | 'outbound', name: string) => provisionCampaign(ch, zeta.id, code, campaignInput.parse({
    name, client: 'Omega Assurances', direction, dial_mode: direction === 'inbound' ? 'none' : 'progressive', success_dispositions: ['sale'],
  }), { id: 'test', email: 'test@zeta.test', name: 'Test' });
  const { campaign: zetaOut } = await provision('ZETA-OUT', 'outbound', 'Omega — Relance contrats');
  const { campaign: zetaIn } = await provision('ZETA-IN', 'inbound', 'Omega — Sinistres');
  const partnership = (await tenancy.partnershipsByIds(ch, [zetaOut.partnership_id]))[0]!;
  const person = (email: string, name: string, role: 'admin' | 'manager' | 'quality' | 'agent' | 'client', orgId: string, agentCode = '') =>
    createUser(ch, { email, name, password: DEMO_PASSWORD, role, orgId, agentCode, team: agentCode ? 'Équipe Zeta' : '' });
  await person('admin@zeta.test', 'Zoé Admin Zeta', 'admin', zeta.id);
  await person('manager@zeta.test', 'Zacharie Manager Zeta', 'manager', zeta.id);
  await person('quality@zeta.test', 'Zélie Qualité Zeta', 'quality', zeta.id);
  const zAgent = await person('agent@zeta.test', 'Zinedine Agent Zeta', 'agent', zeta.id, 'ZETA-AGENT-7');
  await person('client@omega.test', 'Olga Omega', 'client', partnership.client_org_id);
  await person('admin@omega.test', 'Oscar Admin Omega', 'admin', partnership.client_org_id);
  await tenancy.putAssignments(ch, [zetaOut, zetaIn].map((c) => ({ campaign_id: c.id, user_id: zAgent.id })));

  const sessions = new Map<string, SessionUser>();
  for (const email of [...DEMO_CALLERS, ...FOREIGN_CALLERS]) sessions.set(email, await signIn(ch, email));
  const s = (email: string) => sessions.get(email) ?? (() => { throw new Error(email); })();

  const foreign = await furnish(ch, { client: s('client@omega.test'), manager: s('manager@zeta.test'), admin: s('admin@zeta.test'), agent: s('agent@zeta.test') }, {
    outsourcerOrgId: zeta.id, clientOrgId: partnership.client_org_id, partnershipId: partnership.id,
    campaignId: zetaOut.id, inboundCampaignId: zetaIn.id, campaignCode: zetaOut.code, inboundCampaignCode: zetaIn.code,
  }, 'ZETA-AGENT-7', '+33190009001');

  const demoPartnerships = await tenancy.partnershipsOfOrg(ch, callpro.id);
  const demoCampaigns = await tenancy.campaignsOfPartnerships(ch, demoPartnerships.map((p) => p.id));
  const demoSide = async (clientEmail: string, agentEmail: string, prefix: 'ACME' | 'HORIZON', agentCode: string, callerId: string) => {
    const clientOrgId = s(clientEmail).orgId;
    const p = demoPartnerships.find((x) => x.client_org_id === clientOrgId)!;
    const out = demoCampaigns.find((c) => c.code === `${prefix}-OUT`)!;
    const inbound = demoCampaigns.find((c) => c.code === `${prefix}-IN`)!;
    return furnish(ch, { client: s(clientEmail), manager: s('manager@callpro.test'), admin: s('admin@callpro.test'), agent: s(agentEmail) }, {
      outsourcerOrgId: callpro.id, clientOrgId, partnershipId: p.id, campaignId: out.id, inboundCampaignId: inbound.id,
      campaignCode: out.code, inboundCampaignCode: inbound.code,
    }, agentCode, callerId);
  };
  const acme = await demoSide('client@acme.test', 'agent1@callpro.test', 'ACME', 'A1', '+33180001001');
  const horizon = await demoSide('client@horizon.test', 'agent3@callpro.test', 'HORIZON', 'A3', '+33180002001');

  const users = (orgIds: string[]) => Promise.all(orgIds.map((o) => tenancy.usersOfOrg(ch, o))).then((l) => l.flat());
  const named = (ids: TenantIds): [string, string][] => Object.entries(ids).map(([k, v]) => [v, k]);
  const people = (list: User[]): [string, string][] => list.flatMap((u) => [[u.id, `id of ${u.email}`], [u.email, 'email'], [u.name, `name of ${u.email}`]]);
  const foreignMarks = marksOf([
    ...named(foreign.ids), ...people(await users([zeta.id, partnership.client_org_id])), [foreign.apiKey, 'API key'],
    [zeta.name, 'outsourcer name'], ['Omega Assurances', 'client name'], [partnership.name, 'partnership name'], [zetaOut.name, 'campaign name'],
    [zetaIn.name, 'campaign name'], ['ZETA-AGENT-7', 'agent code'],
  ]);
  const demoOrgs = await tenancy.organizationsByIds(ch, [callpro.id, acme.ids.clientOrgId, horizon.ids.clientOrgId]);
  const demoMarks = marksOf([
    ...named(acme.ids), ...named(horizon.ids), ...people(await users(demoOrgs.map((o) => o.id))), [acme.apiKey, 'API key'], [horizon.apiKey, 'API key'],
    ...demoOrgs.map((o): [string, string] => [o.name, 'organization name']), ...demoPartnerships.map((p): [string, string] => [p.name, 'partnership name']),
    ...demoCampaigns.flatMap((c): [string, string][] => [[c.id, `id of ${c.code}`], [c.code, 'campaign code'], [c.name, 'campaign name']]),
  ]);
  const tenant = (t: { ids: TenantIds; apiKey: string }, marks: Map<string, string>): Tenant => ({ ...t, marks, rowMarks: rowMarksOf(marks) });
  // CallPro's own objects, though the numbers it holds for Acme name Acme.
  const calloproShared = new Set<keyof TenantIds>(['outsourcerOrgId', 'optOutFileId', 'optOutListId', 'apiKeyId', 'agentUserId', 'spareUserId', 'teamId', 'numberId', 'spareNumberId']);
  const acmeOnlyMarks = marksOf([
    ...named(acme.ids).filter(([, k]) => !calloproShared.has(k as keyof TenantIds)), ...people(await tenancy.usersOfOrg(ch, acme.ids.clientOrgId)),
    ...demoOrgs.filter((o) => o.id === acme.ids.clientOrgId).map((o): [string, string] => [o.name, 'organization name']),
    ...demoPartnerships.filter((p) => p.id === acme.ids.partnershipId).map((p): [string, string] => [p.name, 'partnership name']),
    ...demoCampaigns.filter((c) => c.partnership_id === acme.ids.partnershipId)
      .flatMap((c): [string, string][] => [[c.id, `id of ${c.code}`], [c.code, 'campaign code'], [c.name, 'campaign name']]),
  ]);
  return {
    acme: tenant(acme, demoMarks),
    horizon: tenant(horizon, demoMarks),
    foreign: tenant(foreign, foreignMarks),
    sessions,
    ownOf: (email) => (FOREIGN_CALLERS.includes(email as never) ? foreign.ids : HORIZON_SIDE.has(email) ? horizon.ids : acme.ids),
    demoMarks,
    demoRowMarks: rowMarksOf(demoMarks),
    acmeOnly: tenant(acme, acmeOnlyMarks),
  };
}

/** Marks of four characters or more (shorter ones would be found by chance). */
const marksOf = (entries: [string, string][]) => new Map(entries.filter(([v]) => v.length >= 4));
/** The ids among the marks (UUIDs): what a tenant's rows are found by. */
const rowMarksOf = (marks: Map<string, string>) => [...marks.keys()].filter((m) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(m));

/** The marks `value` shows (in its JSON, or its text), each with what it is; those the request itself named (`sent`) aside. */
export function leaks(value: unknown, marks: ReadonlyMap<string, string>, sent = ''): string[] {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  } catch {
    text = String(value);
  }
  return [...marks].filter(([m]) => text.includes(m) && !sent.includes(m)).map(([m, what]) => `${what} ${m}`);
}

/**
 * Per table of the database, the number and a hash of the rows (latest versions, FINAL) in which any of `marks`
 * appears: every row that holds, or names, one of a tenant's objects. An insert, an update (a new version), a
 * deletion (a tombstone) or a new row naming one of its ids all change it.
 */
export async function tenantChecksum(ch: Clickhouse, marks: readonly string[]): Promise<Record<string, string>> {
  if (marks.length === 0 || marks.length > 255) throw new Error(`tenantChecksum: ${marks.length} marks (1 to 255)`);
  const tables = await selectRows<{ name: string; engine: string }>(ch,
    "SELECT name, engine FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree' ORDER BY name");
  const out: Record<string, string> = {};
  for (const { name, engine } of tables) {
    const final = engine === 'MergeTree' ? '' : 'FINAL';
    const [row] = await selectRows<{ n: string; h: string }>(ch,
      `SELECT count() AS n, toString(sum(cityHash64(r))) AS h FROM (SELECT formatRow('TSVRaw', *) AS r FROM \`${name}\` ${final})
       WHERE multiSearchAny(r, {marks:Array(String)})`, { marks });
    out[name] = `${row!.n} rows, hash ${row!.h}`;
  }
  return out;
}

/** A builder of one procedure's (or route's) input from a tenant's ids. */
export type Build<T = unknown> = (t: TenantIds) => T;

/** The keys of TenantIds a builder reads. */
export function idsUsed(build: Build, ids: TenantIds): (keyof TenantIds)[] {
  const used = new Set<keyof TenantIds>();
  build(new Proxy(ids, { get: (target, key) => { used.add(key as keyof TenantIds); return target[key as keyof TenantIds]; } }));
  return [...used];
}

export interface Variant<T = unknown> {
  label: string;
  input: T;
  /** The ids taken from the other tenant; none for a call that names no object. */
  foreign: (keyof TenantIds)[];
}

/**
 * The inputs to try: the other tenant's ids in every slot; and, when the input names several objects, the caller's
 * own ids with one slot at a time taken from the other tenant (both in scope is not enough: they must belong together).
 */
export function variants<T>(build: Build<T>, other: TenantIds, own: TenantIds | null): Variant<T>[] {
  const used = idsUsed(build as Build, other);
  if (used.length === 0) return [{ label: 'no id', input: build(other), foreign: [] }];
  const out: Variant<T>[] = [{ label: 'all ids foreign', input: build(other), foreign: used }];
  if (own && used.length > 1) for (const k of used) out.push({ label: `own ids, ${k} foreign`, input: build({ ...own, [k]: other[k] }), foreign: [k] });
  return out;
}

/** The procedures of a router, by dotted path, with their kind (tRPC v11 keeps them flat in `_def.procedures`). */
export function proceduresOf(router: { _def: { procedures: object } }): { path: string; type: 'query' | 'mutation' | 'subscription' }[] {
  return Object.entries(router._def.procedures as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>)
    .map(([path, p]) => ({ path, type: p._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface Outcome {
  /** 'OK', or the TRPCError code, or 'THROWN' for anything else thrown. */
  code: string;
  value?: unknown;
  message?: string;
}

/** Calls the procedure at `path` on a tRPC caller; a subscription's first value is read (2 s at most). */
export async function callProcedure(caller: Caller, path: string, input: unknown): Promise<Outcome> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  try {
    let value = await fn(input);
    if (value && typeof value === 'object' && Symbol.asyncIterator in value) {
      const it = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const first = await Promise.race([it.next(), new Promise<{ value: string }>((r) => setTimeout(() => r({ value: 'no value within 2 s' }), 2_000))]);
      await it.return?.();
      value = first.value;
    }
    return { code: 'OK', value };
  } catch (err) {
    return err instanceof TRPCError ? { code: err.code, message: err.message } : { code: 'THROWN', message: String(err) };
  }
}
