// Who may listen to a call's recording (PRODUCT §7), one rule for every way a recording is reached: the outsourcer's
// managers, quality staff and admins, for the calls of their own organization's campaigns in their scope. Clients
// and agents are refused for now (the partnership's permission for clients, and agents' own calls, are to come).
import type { Role } from '@/clickhouse/vocabulary';
import type { Scope } from '@/server/tenancy/scope';

export const RECORDING_LISTENERS: readonly Role[] = ['manager', 'quality', 'admin'];

/** Whether the scope may hear the recordings of calls of `call`'s campaign and organization. */
export function canHearRecording(scope: Pick<Scope, 'role' | 'orgKind' | 'orgId' | 'campaignIds'>, call: { org_id: string; campaign_id: string }): boolean {
  return scope.orgKind === 'outsourcer' && RECORDING_LISTENERS.includes(scope.role) && call.org_id === scope.orgId && scope.campaignIds.has(call.campaign_id);
}
