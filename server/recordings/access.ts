// Who may listen to a call's recording (PRODUCT §7, docs/recordings.md): one rule for every way a recording is
// reached (GET /api/recordings/{callId}, recordings.info). Pure: the caller, the call and its partnership's policy.
//  - the outsourcer's managers, quality staff and admins: their own organization's calls, of campaigns in their scope;
//  - an agent: their own calls (the call's `agent` is their agent code), of the campaigns they are assigned to;
//  - the client's staff (`client`, and `admin` of the client organization): their partnership's calls, only when
//    the partnership allows it ("the client may listen to recordings", off by default).
// Anyone else (another tenant, an agent for another agent's call, a role that does not fit its organization) is refused.
import type { OrgKind, Role } from '@/clickhouse/vocabulary';

/** The outsourcer's roles that hear every call of their organization's campaigns in scope. */
export const RECORDING_SUPERVISORS: readonly Role[] = ['manager', 'quality', 'admin'];
/** The client organization's roles that hear their partnership's calls when it allows it. */
export const RECORDING_CLIENT_ROLES: readonly Role[] = ['client', 'admin'];

export interface Listener {
  role: Role;
  orgId: string;
  orgKind: OrgKind;
  /** The signed-in user's agent code ('' for non-agents). */
  agentCode: string;
  campaignIds: ReadonlySet<string>;
  partnershipIds: ReadonlySet<string>;
}

export interface CallForAccess {
  /** The outsourcer organization that stored the call. */
  org_id: string;
  campaign_id: string;
  /** The agent code the call names ('' when none). */
  agent: string;
  /** The campaign's partnership and its two sides. */
  partnership_id: string;
  outsourcer_org_id: string;
  client_org_id: string;
}

export interface ListeningPolicy {
  client_may_listen: boolean;
}

/** Whether `who` may hear the recording of `call` under its partnership's `policy`. */
export function canHearRecording(who: Listener, call: CallForAccess, policy: ListeningPolicy): boolean {
  // A call stored by another organization than its campaign's outsourcer is nobody's to hear.
  if (call.org_id !== call.outsourcer_org_id) return false;
  if (!who.campaignIds.has(call.campaign_id) || !who.partnershipIds.has(call.partnership_id)) return false;
  if (who.orgKind === 'outsourcer') {
    if (call.org_id !== who.orgId) return false;
    if (RECORDING_SUPERVISORS.includes(who.role)) return true;
    return who.role === 'agent' && who.agentCode !== '' && call.agent === who.agentCode;
  }
  return who.orgKind === 'client' && RECORDING_CLIENT_ROLES.includes(who.role) && call.client_org_id === who.orgId && policy.client_may_listen;
}
