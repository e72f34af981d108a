// The caller's scope: which partnerships and campaigns a signed-in user may see (PRODUCT §3).
import type { Campaign, Partnership } from '@/clickhouse/queries/tenancy';
import type { OrgKind, Role } from '@/clickhouse/vocabulary';
import { CLIENT_ROLES, OUTSOURCER_ROLES } from './roles';

export interface Scope {
  userId: string;
  role: Role;
  orgId: string;
  orgKind: OrgKind;
  partnershipIds: ReadonlySet<string>;
  campaignIds: ReadonlySet<string>;
}

/** The scope of a user of an outsourcer organization (server/trpc/init.ts `outsourcerProcedure` hands it on). */
export type OutsourcerScope = Scope & { orgKind: 'outsourcer' };

export interface ScopeInput {
  user: { id: string; role: Role; orgId: string; orgKind: OrgKind };
  /** Partnerships where the user's organization is on either side. */
  partnerships: Pick<Partnership, 'id' | 'outsourcer_org_id' | 'client_org_id'>[];
  campaigns: Pick<Campaign, 'id' | 'partnership_id'>[];
  /** Campaign ids the user is assigned to (only agents are limited by them). */
  assignedCampaignIds: string[];
}

/** Pure: the scope follows the organization's side of each partnership, agents only their assignments. */
export function buildScope({ user, partnerships, campaigns, assignedCampaignIds }: ScopeInput): Scope {
  const ownSide = partnerships.filter((p) =>
    user.orgKind === 'client' ? p.client_org_id === user.orgId : p.outsourcer_org_id === user.orgId,
  );
  // Roles of the other side never see anything: a client-org "manager" is a misconfiguration, not a key.
  const roleFitsOrg = (user.orgKind === 'client' ? CLIENT_ROLES : OUTSOURCER_ROLES).includes(user.role);
  const partnershipIds = new Set(roleFitsOrg ? ownSide.map((p) => p.id) : []);
  let visible = campaigns.filter((c) => partnershipIds.has(c.partnership_id));
  if (user.role === 'agent') {
    const assigned = new Set(assignedCampaignIds);
    visible = visible.filter((c) => assigned.has(c.id));
    const agentPartnerships = new Set(visible.map((c) => c.partnership_id));
    for (const id of [...partnershipIds]) if (!agentPartnerships.has(id)) partnershipIds.delete(id);
  }
  return {
    userId: user.id,
    role: user.role,
    orgId: user.orgId,
    orgKind: user.orgKind,
    partnershipIds,
    campaignIds: new Set(visible.map((c) => c.id)),
  };
}

export function hasRole(scope: Pick<Scope, 'role'>, allowed: readonly Role[]): boolean {
  return allowed.includes(scope.role);
}
