// The adversarial tenancy test's teaching table: for every procedure of the app router, how to build a valid input
// from a tenant's ids (server/testing/adversary.ts, TenantIds). The test calls each builder with the other tenant's
// ids, and with the caller's own ids but one; a builder that reads no id makes a call that names no object, whose
// answer must show nothing of the other tenant. A procedure missing here fails the test until it is taught; a
// builder must give an input its procedure accepts on the caller's own ids (the test checks that too).
import { randomUUID } from 'node:crypto';
import { defaultSections, fullMarks } from '@/server/quality/grid';
import { BRIEF, type Build } from './adversary';

/** March 2026: the fixture's call records (2 March) are inside. */
const KPI_RANGE = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
const CDR_ROW = { id: 'adversary-1', direction: 'inbound', started_at: '03/03/2026 10:00:00', ended_at: '03/03/2026 10:02:00', outcome: 'abandoned' };
const none: Build = () => undefined;
const ALERT_RULE = { kpi: 'asa_seconds', comparison: 'above', threshold: 5, duration_minutes: 0, enabled: true };
/** The day around now: the test's changes write their audit lines at the wall clock's now. */
const auditRange = () => ({ from: Date.now() - 86_400_000, to: Date.now() + 86_400_000 });
/** A fresh campaign code for each call: the same code twice is refused as taken, whoever asks. */
let created = 0;
const newCode = () => `ADV-${process.pid}-${++created}`;

export const PROCEDURE_INPUTS: Record<string, Build | Build[]> = {
  'home.me': none,
  'home.summary': none,
  'home.figures': none,
  'home.wallboard': none,
  'campaigns.list': [none, (t) => ({ partnershipId: t.partnershipId })],
  'campaigns.get': (t) => ({ campaignId: t.campaignId }),
  'campaigns.settings': (t) => ({ campaignId: t.campaignId }),
  'campaigns.create': (t) => ({ partnershipId: t.partnershipId, code: newCode(), settings: { name: 'Créée par un autre', direction: 'outbound', dial_mode: 'progressive' } }),
  'campaigns.update': (t) => ({ campaignId: t.campaignId, settings: { name: 'Réécrite par un autre', direction: 'outbound', dial_mode: 'progressive' } }),
  'partnerships.list': none,
  'partnerships.get': (t) => ({ id: t.partnershipId }),
  'team.agents': none,
  'team.users': none,
  'kpi.live': (t) => ({ campaignId: t.inboundCampaignId }),
  'kpi.liveAgents': [(t) => ({ campaignId: t.inboundCampaignId }), (t) => ({ campaignId: t.campaignId })],
  'kpi.range': (t) => ({ campaignId: t.inboundCampaignId, ...KPI_RANGE, bucket: 'day' }),
  'kpi.agents': [() => KPI_RANGE, (t) => ({ ...KPI_RANGE, campaignIds: [t.inboundCampaignId] })],
  'apiKeys.list': none,
  'apiKeys.create': () => ({ name: 'adversaire' }),
  'apiKeys.revoke': (t) => ({ id: t.apiKeyId }),
  'cdrImport.chunk': (t) => ({ campaignId: t.inboundCampaignId, timeZone: 'Europe/Paris', firstLine: 2, rows: [CDR_ROW] }),
  'workspace.brief.get': (t) => ({ partnershipId: t.partnershipId }),
  'workspace.brief.setTargets': (t) => ({ partnershipId: t.partnershipId, campaignId: t.campaignId, targets: { target_nps: 12, target_conversion_rate: 0.2 } }),
  'workspace.brief.save': (t) => ({ partnershipId: t.partnershipId, fields: { ...BRIEF, objectives: 'Réécrit par un autre' } }),
  'workspace.spec.list': (t) => ({ partnershipId: t.partnershipId }),
  'workspace.spec.propose': (t) => ({ partnershipId: t.partnershipId, body: 'Proposé par un autre' }),
  // Version 1 is the client's proposal, unsigned: the outsourcer's side may sign it.
  'workspace.spec.sign': (t) => ({ partnershipId: t.partnershipId, number: 1 }),
  'workspace.training.list': (t) => ({ partnershipId: t.partnershipId }),
  'workspace.training.add': [
    (t) => ({ partnershipId: t.partnershipId, campaignId: t.campaignId, title: 'Ajouté par un autre', kind: 'pdf', fileId: t.trainingFileId }),
    (t) => ({ partnershipId: t.partnershipId, campaignId: t.campaignId, title: 'Lien ajouté par un autre', kind: 'link', url: 'https://example.test/x' }),
  ],
  'workspace.training.mine': none,
  'workspace.training.acknowledge': (t) => ({ documentId: t.trainingDocId }),
  'workspace.activity.feed': (t) => ({ partnershipId: t.partnershipId }),
  'workspace.activity.markRead': (t) => ({ partnershipId: t.partnershipId }),
  'workspace.activity.comment': [
    (t) => ({ partnershipId: t.partnershipId, subjectType: 'workspace', subjectId: t.partnershipId, body: 'Commentaire' }),
    (t) => ({ partnershipId: t.partnershipId, subjectType: 'training', subjectId: t.trainingDocId, body: 'Commentaire' }),
    (t) => ({ partnershipId: t.partnershipId, subjectType: 'file', subjectId: t.documentFileId, body: 'Commentaire' }),
    (t) => ({ partnershipId: t.partnershipId, subjectType: 'contact_list', subjectId: t.listId, body: 'Commentaire' }),
  ],
  'workspace.activity.workspaces': none,
  'contacts.inspect': (t) => ({ fileId: t.contactsFileId }),
  'contacts.start': (t) => ({ campaignId: t.campaignId, fileId: t.contactsFileId, mapping: { phone: 'Téléphone' }, sample: 1 }),
  'contacts.progress': (t) => ({ listId: t.listId }),
  'contacts.lists': (t) => ({ campaignId: t.campaignId }),
  'contacts.optOutLists': none,
  'contacts.registerOptOut': (t) => ({ fileId: t.optOutFileId, listDate: '2026-03-02' }),
  'dialer.state': none,
  'desk.sipCredentials': none,
  // The desk acts on the agent's own dialer state; the test's process runs no dialer (PRECONDITION_FAILED once in scope).
  'desk.state': none,
  'desk.today': none,
  'desk.callbacks': none,
  'desk.manualDial': (t) => ({ campaignId: t.campaignId, phone: '06 12 34 56 78' }),
  'desk.login': none,
  'desk.ready': none,
  'desk.pause': () => ({ reason: 'break' }),
  'desk.logout': none,
  'desk.dispose': (t) => ({ campaignId: t.campaignId, callId: 'no-such-call', disposition: 'sale' }),
  'desk.hold': (t) => ({ campaignId: t.campaignId, callId: 'no-such-call', on: true }),
  'desk.preview.take': (t) => ({ campaignId: t.campaignId }),
  'desk.preview.dial': (t) => ({ campaignId: t.campaignId }),
  'desk.preview.skip': (t) => ({ campaignId: t.campaignId, reason: 'incomplete' }),
  'audit.list': [auditRange, () => ({ ...auditRange(), family: 'apikey' })],
  'dialer.configure': (t) => ({ campaignId: t.campaignId, abandonTarget: 0.025 }),
  // People (issue 20). Creations name no object: each call makes a new account or client of the caller's own side
  // (role admin: valid for both kinds of organization). Changes work on the spare account, never a fixture's staff.
  'people.users.list': none,
  'people.users.create': () => ({ name: 'Compte adverse', email: `adv-${randomUUID()}@adversary.test`, role: 'admin' }),
  'people.users.update': (t) => ({ userId: t.spareUserId, name: 'Nom changé' }),
  'people.users.deactivate': (t) => ({ userId: t.spareUserId }),
  'people.users.reactivate': (t) => ({ userId: t.spareUserId }),
  'people.users.resetPassword': (t) => ({ userId: t.spareUserId }),
  'people.teams.list': none,
  'people.teams.save': (t) => ({ teamId: t.teamId, name: 'Équipe adverse', leadUserId: t.agentUserId, memberIds: [t.agentUserId] }),
  'people.assignments.set': (t) => ({ campaignId: t.campaignId, userId: t.agentUserId, assigned: true }),
  'people.clients.list': none,
  'people.clients.create': () => ({ name: `Client ${randomUUID()}`, adminName: 'Admin adverse', adminEmail: `adv-${randomUUID()}@adversary.test` }),
  'numbers.list': none,
  // A number held for the tenant's client: another tenant's client is not a partner (nor, for a client's admin, its own organization).
  'numbers.add': (t) => ({ number: '+33180008888', owner: 'client', clientOrgId: t.clientOrgId, proofRef: 'Contrat' }),
  'numbers.update': (t) => ({ id: t.numberId, proofRef: 'Changé par un autre' }),
  'numbers.remove': (t) => ({ id: t.spareNumberId }),
  'consents.ofContact': (t) => ({ campaignId: t.campaignId, phone: '0612345678' }),
  'consents.export': (t) => ({ campaignId: t.campaignId, locale: 'fr' }),
  'consents.withdraw': (t) => ({ campaignId: t.campaignId, phone: '0612345678', recordId: t.consentId }),
  // Quality (issue 19): the fixture's recorded call of the outbound campaign, evaluated by its manager on the default grid.
  'quality.grid': (t) => ({ campaignId: t.campaignId }),
  'quality.saveGrid': (t) => ({ campaignId: t.campaignId, name: 'Grille adverse', sections: defaultSections('outbound') }),
  'quality.setSampling': (t) => ({ campaignId: t.campaignId, perAgentWeek: 3 }),
  'quality.queue': [(t) => ({ campaignId: t.campaignId }), (t) => ({ campaignId: t.campaignId, week: '2026-03-02' })],
  'quality.drawSample': (t) => ({ campaignId: t.campaignId, week: '2026-03-02' }),
  // A search filters (a call id of another tenant finds nothing); the campaign is the object it names.
  'quality.searchCalls': (t) => ({ campaignId: t.campaignId, agent: 'A1' }),
  'quality.evaluations': (t) => ({ campaignId: t.campaignId }),
  'quality.callPage': (t) => ({ callId: t.recordedCallId }),
  // The manager evaluated it already (CONFLICT on the control); another evaluator's is a calibration evaluation.
  'quality.evaluate': (t) => ({ callId: t.recordedCallId, answers: fullMarks(defaultSections('outbound')), comments: [{ at: 2, text: 'Adverse' }] }),
  'quality.evaluation': (t) => ({ evaluationId: t.evaluationId }),
  // Not disputed: PRECONDITION_FAILED once in scope.
  'quality.respond': (t) => ({ evaluationId: t.evaluationId, reply: 'Réponse adverse' }),
  'quality.calibrationCalls': (t) => ({ campaignId: t.campaignId }),
  'quality.calibration': (t) => ({ callId: t.recordedCallId }),
  'quality.mine': none,
  'quality.acknowledge': (t) => ({ evaluationId: t.evaluationId }),
  'quality.dispute': (t) => ({ evaluationId: t.evaluationId, comment: 'Contesté par un autre' }),
  // Surveys (issue 19): the fixture's detractor answered today on the outbound campaign.
  'surveys.options': none,
  'surveys.inbox': [auditRange, (t) => ({ ...auditRange(), campaignIds: [t.campaignId], band: 'detractors', search: 'Pas' })],
  'surveys.followup.history': (t) => ({ campaignId: t.campaignId, surveyId: t.detractorSurveyId }),
  'surveys.followup.save': (t) => ({ campaignId: t.campaignId, surveyId: t.detractorSurveyId, status: 'contacted', note: 'Rappelé' }),
  'surveys.settings.get': (t) => ({ campaignId: t.campaignId }),
  'surveys.settings.set': (t) => ({ campaignId: t.campaignId, tokenDays: 10 }),
  // Recordings (issue 19): the recorded call of the tenant's outbound campaign; the policy of its partnership.
  'recordings.info': (t) => ({ callId: t.recordedCallId }),
  'recordings.playbacks': (t) => ({ callId: t.recordedCallId }),
  'recordings.playbackLog': auditRange,
  'recordings.policy': (t) => ({ partnershipId: t.partnershipId }),
  'recordings.setPolicy': (t) => ({ partnershipId: t.partnershipId, clientMayListen: false, retentionDays: 180 }),
  // KPI alerts (issue 21): the fixture's rules on the inbound campaign and the alert the first opened on 2 March.
  'alerts.rules': [(t) => ({ campaignId: t.inboundCampaignId }), (t) => ({ campaignId: t.campaignId })],
  'alerts.saveRule': [
    (t) => ({ campaignId: t.inboundCampaignId, rule: ALERT_RULE }),
    (t) => ({ campaignId: t.inboundCampaignId, ruleId: t.alertRuleId, rule: { ...ALERT_RULE, threshold: 6 } }),
  ],
  'alerts.deleteRule': (t) => ({ campaignId: t.inboundCampaignId, ruleId: t.spareAlertRuleId }),
  'alerts.open': [none, (t) => ({ campaignId: t.inboundCampaignId })],
  'alerts.list': [() => KPI_RANGE, (t) => ({ ...KPI_RANGE, campaignId: t.inboundCampaignId })],
  'alerts.acknowledge': (t) => ({ campaignId: t.inboundCampaignId, alertId: t.alertId }),
};

/** The builders of a procedure, each with its label (`path` or `path#n`). */
export function buildersOf(path: string): { label: string; build: Build }[] {
  const taught = PROCEDURE_INPUTS[path];
  if (!taught) return [];
  const list = Array.isArray(taught) ? taught : [taught];
  return list.map((build, i) => ({ label: list.length > 1 ? `${path}#${i + 1}` : path, build }));
}
