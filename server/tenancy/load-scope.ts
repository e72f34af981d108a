// Loads what buildScope needs from ClickHouse, starting from the user id in the session.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { buildScope, type Scope } from './scope';

/** Undefined when the account or its organization no longer exists, or the account is deactivated: the session is then worthless. */
export async function loadScope(ch: Clickhouse, userId: string): Promise<Scope | undefined> {
  const user = await tenancy.userById(ch, userId);
  if (!user || user.active === 0) return undefined;
  const org = await tenancy.organization(ch, user.org_id);
  if (!org) return undefined;
  const [partnerships, assignments] = await Promise.all([
    tenancy.partnershipsOfOrg(ch, org.id),
    user.role === 'agent' ? tenancy.assignmentsOfUser(ch, user.id) : Promise.resolve([]),
  ]);
  const campaigns = partnerships.length ? await tenancy.campaignsOfPartnerships(ch, partnerships.map((p) => p.id)) : [];
  return buildScope({
    user: { id: user.id, role: user.role, orgId: org.id, orgKind: org.kind },
    partnerships,
    campaigns,
    assignedCampaignIds: assignments.map((a) => a.campaign_id),
  });
}
