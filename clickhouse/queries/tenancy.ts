// SQL for the tenancy tables: organizations, partnerships, campaigns, users, assignments (latest versions),
// and the per-process map of campaign codes that the ingest reads and these writes keep current.
import type { Clickhouse } from '../client';
import { processSingleton } from '../process-singleton';
import { nextVersion } from '../version';
import { compareNames } from '../collation';
import type { Direction, OrgKind, Role } from '../vocabulary';

export type DialMode = 'none' | 'preview' | 'progressive' | 'predictive' | 'blended';
export type CampaignStatus = 'draft' | 'active' | 'paused' | 'stopped';

export interface Organization {
  id: string;
  name: string;
  kind: OrgKind;
}
export interface Partnership {
  id: string;
  outsourcer_org_id: string;
  client_org_id: string;
  name: string;
}
export interface Campaign {
  id: string;
  code: string;
  partnership_id: string;
  name: string;
  direction: Direction;
  dial_mode: DialMode;
  status: CampaignStatus;
  time_zone: string;
  sl_threshold_seconds: number;
  short_abandon_seconds: number;
  /** The codes flagged success in `dispositions`: written from it, what the conversion rate counts. */
  success_dispositions: string[];
  /** The dispositions catalogue, JSON (server/campaigns/settings.ts reads it); '' before migration 0010. */
  dispositions: string;
  /** Calls recorded (1) or not (0). */
  recording: number;
  /** The agents' call script (Markdown). */
  script: string;
}
export interface User {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  org_id: string;
  agent_code: string;
  team: string;
  /** 0: deactivated (0009_people.sql). Always read; a row written without it is active. */
  active?: number;
}
export interface Assignment {
  campaign_id: string;
  user_id: string;
}

async function rows<T>(ch: Clickhouse, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rs = await ch.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

async function put<T extends object>(ch: Clickhouse, table: string, values: T[], deleted = 0): Promise<void> {
  if (values.length === 0) return;
  const now = Date.now();
  await ch.insert({
    table,
    values: values.map((v) => ({ created_at: now, ...v, version: nextVersion(now), deleted })),
    format: 'JSONEachRow',
  });
}

const ORG_COLUMNS = 'id, name, kind';
const PARTNERSHIP_COLUMNS = 'id, outsourcer_org_id, client_org_id, name';
const CAMPAIGN_COLUMNS = `id, code, partnership_id, name, direction, dial_mode, status, time_zone,
  sl_threshold_seconds, short_abandon_seconds, success_dispositions, dispositions, recording, script`;
const USER_COLUMNS = 'id, email, name, password_hash, role, org_id, agent_code, team, active';

export const tenancy = {
  putOrganizations: (ch: Clickhouse, v: Organization[]) => put(ch, 'organizations', v),
  putPartnerships: (ch: Clickhouse, v: Partnership[]) => put(ch, 'partnerships', v).then(forgetCampaignCodes),
  putCampaigns: (ch: Clickhouse, v: Campaign[]) => put(ch, 'campaigns', v).then(forgetCampaignCodes),
  putUsers: (ch: Clickhouse, v: User[]) => put(ch, 'users', v),
  /** Take back rows (a creation that failed half-way): a newer version of each, marked deleted, hides it from every read. */
  removeOrganizations: (ch: Clickhouse, v: Organization[]) => put(ch, 'organizations', v, 1),
  removePartnerships: (ch: Clickhouse, v: Partnership[]) => put(ch, 'partnerships', v, 1).then(forgetCampaignCodes),
  removeUsers: (ch: Clickhouse, v: User[]) => put(ch, 'users', v, 1),
  putAssignments: (ch: Clickhouse, v: Assignment[]) => put(ch, 'campaign_assignments', v),
  removeAssignments: (ch: Clickhouse, v: Assignment[]) => put(ch, 'campaign_assignments', v, 1),

  countOrganizations: async (ch: Clickhouse): Promise<number> =>
    Number((await rows<{ n: string }>(ch, 'SELECT count() AS n FROM organizations FINAL WHERE deleted = 0'))[0]?.n ?? 0),

  organization: async (ch: Clickhouse, id: string): Promise<Organization | undefined> =>
    (await rows<Organization>(ch, `SELECT ${ORG_COLUMNS} FROM organizations FINAL WHERE id = {id:String} AND deleted = 0`, { id }))[0],

  organizationsByIds: (ch: Clickhouse, ids: string[]) =>
    rows<Organization>(ch, `SELECT ${ORG_COLUMNS} FROM organizations FINAL WHERE id IN {ids:Array(String)} AND deleted = 0 ORDER BY name`, { ids }),

  organizationsOfKind: (ch: Clickhouse, kind: OrgKind) =>
    rows<Organization>(ch, `SELECT ${ORG_COLUMNS} FROM organizations FINAL WHERE kind = {kind:String} AND deleted = 0 ORDER BY name`, { kind }),

  /** Partnerships where the organization is either side. */
  partnershipsOfOrg: (ch: Clickhouse, orgId: string) =>
    rows<Partnership>(
      ch,
      `SELECT ${PARTNERSHIP_COLUMNS} FROM partnerships FINAL
       WHERE (outsourcer_org_id = {org:String} OR client_org_id = {org:String}) AND deleted = 0 ORDER BY name`,
      { org: orgId },
    ),

  /** Every partnership: for the server's own work across tenants (the alert evaluator), never shown to a user. */
  allPartnerships: (ch: Clickhouse) =>
    rows<Partnership>(ch, `SELECT ${PARTNERSHIP_COLUMNS} FROM partnerships FINAL WHERE deleted = 0 ORDER BY name`),

  partnershipsByIds: (ch: Clickhouse, ids: string[]) =>
    rows<Partnership>(ch, `SELECT ${PARTNERSHIP_COLUMNS} FROM partnerships FINAL WHERE id IN {ids:Array(String)} AND deleted = 0 ORDER BY name`, { ids }),

  campaignsOfPartnerships: (ch: Clickhouse, partnershipIds: string[]) =>
    rows<Campaign>(
      ch,
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns FINAL
       WHERE partnership_id IN {ids:Array(String)} AND deleted = 0 ORDER BY name`,
      { ids: partnershipIds },
    ),

  assignmentsOfUser: (ch: Clickhouse, userId: string) =>
    rows<Assignment>(ch, 'SELECT campaign_id, user_id FROM campaign_assignments FINAL WHERE user_id = {u:String} AND deleted = 0', { u: userId }),

  assignmentsOfCampaigns: (ch: Clickhouse, campaignIds: string[]) =>
    rows<Assignment>(
      ch,
      'SELECT campaign_id, user_id FROM campaign_assignments FINAL WHERE campaign_id IN {ids:Array(String)} AND deleted = 0',
      { ids: campaignIds },
    ),

  /** These campaigns by id, whatever their partnership: each caller checks that the scope holds them. */
  campaignsByIds: (ch: Clickhouse, ids: string[]) =>
    rows<Campaign>(ch, `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns FINAL WHERE id IN {ids:Array(String)} AND deleted = 0 ORDER BY name`, { ids }),

  /** Agent codes of the users assigned to any of these campaigns. */
  agentCodesOfCampaigns: async (ch: Clickhouse, campaignIds: string[]): Promise<string[]> =>
    [...new Set([...(await agentCodesByCampaign(ch, campaignIds)).values()].flat())].sort(),

  userById: async (ch: Clickhouse, id: string): Promise<User | undefined> =>
    (await rows<User>(ch, `SELECT ${USER_COLUMNS} FROM users FINAL WHERE id = {id:String} AND deleted = 0`, { id }))[0],

  userByEmail: async (ch: Clickhouse, email: string): Promise<User | undefined> =>
    (await rows<User>(ch, `SELECT ${USER_COLUMNS} FROM users FINAL WHERE email = {email:String} AND deleted = 0 LIMIT 1`, { email }))[0],

  /** Every account with the e-mail: more than one only while two creations race (server/people/service.ts). */
  usersByEmail: (ch: Clickhouse, email: string) =>
    rows<User>(ch, `SELECT ${USER_COLUMNS} FROM users FINAL WHERE email = {email:String} AND deleted = 0`, { email }),

  /** By role, then by name with numbers in their order (Agent 2 before Agent 10), as every list of people shows them. */
  usersOfOrg: async (ch: Clickhouse, orgId: string) =>
    (await rows<User>(ch, `SELECT ${USER_COLUMNS} FROM users FINAL WHERE org_id = {org:String} AND deleted = 0`, { org: orgId }))
      .sort((a, b) => a.role.localeCompare(b.role) || compareNames(a.name, b.name) || a.email.localeCompare(b.email)),
};

/**
 * Each campaign's agents: the codes of the active users assigned to it, sorted (a campaign without any is absent).
 * One query for many campaigns, so a page of several campaigns asks once.
 */
export async function agentCodesByCampaign(ch: Clickhouse, campaignIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (campaignIds.length === 0) return out;
  const found = await rows<{ campaign_id: string; agent_code: string }>(
    ch,
    `SELECT DISTINCT a.campaign_id AS campaign_id, u.agent_code AS agent_code
     FROM (SELECT campaign_id, user_id FROM campaign_assignments FINAL WHERE campaign_id IN {ids:Array(String)} AND deleted = 0) AS a
     INNER JOIN (SELECT id, agent_code FROM users FINAL WHERE deleted = 0 AND active = 1 AND agent_code != '') AS u ON u.id = a.user_id
     ORDER BY campaign_id, agent_code`,
    { ids: campaignIds },
  );
  for (const r of found) out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), r.agent_code]);
  return out;
}

/** Campaigns an outsourcer runs, with their code: what the public API resolves `campaign` fields against. */
export async function campaignsOfOutsourcer(ch: Clickhouse, orgId: string): Promise<Campaign[]> {
  const partnerships = (await tenancy.partnershipsOfOrg(ch, orgId)).filter((p) => p.outsourcer_org_id === orgId);
  return partnerships.length ? tenancy.campaignsOfPartnerships(ch, partnerships.map((p) => p.id)) : [];
}

// The ingest resolves campaign codes on every request, so each outsourcer's map is kept a few seconds per
// process (one copy whichever route bundle asks). The writes above that can change it drop it themselves, so a
// campaign provisioned or edited is usable by the next ingest request and no caller has to remember a cache.
const CAMPAIGN_CODES_TTL_MS = 5_000;
const campaignCodes = processSingleton('campaign-codes', () => ({
  /** Bumped by every drop: a read that began before one must not store what it read. */
  generation: 0,
  byOrg: new Map<string, { byCode: ReadonlyMap<string, Campaign>; until: number }>(),
}));

function forgetCampaignCodes(): void {
  campaignCodes.generation++;
  campaignCodes.byOrg.clear();
}

/** An outsourcer's campaigns by code, at most a few seconds old unless changed through this repository. */
export async function campaignsByCode(ch: Clickhouse, orgId: string): Promise<ReadonlyMap<string, Campaign>> {
  const hit = campaignCodes.byOrg.get(orgId);
  if (hit && hit.until > Date.now()) return hit.byCode;
  const generation = campaignCodes.generation;
  const byCode = new Map((await campaignsOfOutsourcer(ch, orgId)).map((c) => [c.code, c]));
  if (generation === campaignCodes.generation) campaignCodes.byOrg.set(orgId, { byCode, until: Date.now() + CAMPAIGN_CODES_TTL_MS });
  return byCode;
}
