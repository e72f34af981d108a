// The SIP users of the stack, named in one place: the proxy's policy (kamailio.cfg), the dialer and the portal,
// which mints each agent credentials for its own user only, must agree on them. Pure.

/** The SIP domain every user of the stack belongs to (kamailio.cfg's alias). */
export const SIP_DOMAIN = 'relais.local';

/** The dialer's own user: it places the calls and registers the campaigns' numbers (kamailio.cfg names it too). */
export const DIALER_SIP_USER = 'dialer';

/** The SIP user an agent's phone registers as, from its agent code (unique within its organization). */
export function agentSipUser(agentCode: string): string {
  return `agent-${agentCode.toLowerCase()}`;
}
