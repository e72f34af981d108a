// Who may upload and read stored files — one rule for the upload route, the download route and tRPC.
import type { FilePurpose, StoredFile } from '@/clickhouse/queries/workspace';
import type { Role } from '@/clickhouse/queries/tenancy';
import type { Scope } from '@/server/tenancy/scope';

/** Roles that are members of a partnership's workspace (agents only see their campaigns' training). */
export const WORKSPACE_ROLES: Role[] = ['client', 'manager', 'admin', 'quality'];
/** Roles that change the workspace: the client's staff and the outsourcer's managers. */
export const WORKSPACE_EDITORS: Role[] = ['client', 'manager', 'admin'];

export function canUpload(scope: Scope, purpose: FilePurpose, target: { partnershipId?: string; campaignId?: string }): boolean {
  if (purpose === 'opt_out') return scope.orgKind === 'outsourcer' && (scope.role === 'manager' || scope.role === 'admin');
  if (!WORKSPACE_EDITORS.includes(scope.role)) return false;
  if (!target.partnershipId || !scope.partnershipIds.has(target.partnershipId)) return false;
  if (purpose === 'contacts' || purpose === 'training') return !!target.campaignId && scope.campaignIds.has(target.campaignId);
  return true;
}

export function canRead(scope: Scope, file: Pick<StoredFile, 'purpose' | 'partnership_id' | 'campaign_id' | 'owner_org_id'>): boolean {
  if (file.purpose === 'opt_out') return file.owner_org_id === scope.orgId && scope.orgKind === 'outsourcer' && scope.role !== 'agent';
  if (scope.role === 'agent') return file.purpose === 'training' && scope.campaignIds.has(file.campaign_id);
  if (!WORKSPACE_ROLES.includes(scope.role) || !scope.partnershipIds.has(file.partnership_id)) return false;
  return !file.campaign_id || scope.campaignIds.has(file.campaign_id);
}
