// The agent desk's server side. `sipCredentials`: what the signed-in agent's browser softphone registers to
// Kamailio with — the proxy's WebSocket, the agent's own SIP address and ephemeral credentials for that address
// only (auth_ephemeral: Kamailio refuses them for any other From or To user, and after `expiresAt`). The softphone
// asks again before they expire; a registration made with them lasts its own expiry, refreshed with new ones.
import { tenancy } from '@/clickhouse/queries/tenancy';
import { outsourcerAgents } from '@/dialer/campaigns';
import { mintSipCredentials } from '@/dialer/sip/ephemeral-credentials';
import { agentSipUser, SIP_DOMAIN } from '@/dialer/sip/sip-users';
import { AGENTS } from '@/server/tenancy/roles';
import { roleProcedure, router } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { currentSipProxy } from './sip-proxy';

/** Ten minutes: long enough for a registration and a few calls' set-up, short enough that a leaked pair soon dies. */
export const DESK_CREDENTIALS_TTL_SECONDS = 600;

export type DeskSipCredentials =
  | { available: true; wsUrl: string; sipUri: string; username: string; password: string; expiresAt: number }
  | { available: false; reason: string };

export const deskRouter = router({
  sipCredentials: roleProcedure(AGENTS).query(async ({ ctx }): Promise<DeskSipCredentials> => {
    // Agents are the outsourcer's staff: an "agent" of a client organization is a misconfiguration, not a phone.
    if (ctx.scope.orgKind !== 'outsourcer') throw userError('FORBIDDEN', 'error.outsourcerOnly');
    const me = await tenancy.userById(ctx.ch, ctx.user.id);
    const code = me?.agent_code ?? '';
    if (!code) throw userError('PRECONDITION_FAILED', 'error.noAgentCode');
    const sipUser = agentSipUser(code);
    // Agent codes are unique within an organization only; the SIP address is one for the whole proxy. Sharing it
    // with another outsourcer's agent would let either register as the other: neither gets credentials.
    if ((await outsourcerAgents(ctx.ch)).some((u) => u.id !== ctx.user.id && agentSipUser(u.agent_code) === sipUser)) {
      throw userError('CONFLICT', 'error.sipUserShared', { code });
    }
    const proxy = currentSipProxy();
    if (!proxy) return { available: false, reason: 'no SIP proxy configured' };
    if (!proxy.secret) return { available: false, reason: 'the SIP proxy shares no secret with the portal (RELAIS_SIP_SECRET)' };
    // The wall clock, not ctx.now: Kamailio checks the expiry against its own.
    const credentials = mintSipCredentials(proxy.secret, sipUser, DESK_CREDENTIALS_TTL_SECONDS, Date.now());
    return { available: true, wsUrl: proxy.ws, sipUri: `sip:${sipUser}@${SIP_DOMAIN}`, ...credentials };
  }),
});
