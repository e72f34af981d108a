// Who may upload and read stored files — one rule for the upload route, the download route and tRPC.
import type { StoredFile } from '@/clickhouse/queries/workspace';
import type { FilePurpose } from '@/clickhouse/vocabulary';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS, WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import type { Scope } from '@/server/tenancy/scope';


export function canUpload(scope: Scope, purpose: FilePurpose, target: { partnershipId?: string; campaignId?: string }): boolean {
  if (purpose === 'opt_out') return scope.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(scope.role);
  if (!WORKSPACE_EDITORS.includes(scope.role)) return false;
  if (!target.partnershipId || !scope.partnershipIds.has(target.partnershipId)) return false;
  if (purpose === 'contacts' || purpose === 'training') return !!target.campaignId && scope.campaignIds.has(target.campaignId);
  return true;
}

export function canRead(scope: Scope, file: Pick<StoredFile, 'purpose' | 'partnership_id' | 'campaign_id' | 'owner_org_id'>): boolean {
  if (file.purpose === 'opt_out') return file.owner_org_id === scope.orgId && scope.orgKind === 'outsourcer' && scope.role !== 'agent';
  if (scope.role === 'agent') return file.purpose === 'training' && scope.campaignIds.has(file.campaign_id);
  if (!PARTNERSHIP_MEMBERS.includes(scope.role) || !scope.partnershipIds.has(file.partnership_id)) return false;
  return !file.campaign_id || scope.campaignIds.has(file.campaign_id);
}
