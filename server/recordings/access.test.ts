// The one recording access rule, every role × own or other call × the partnership's "client may listen".
import { describe, expect, it } from 'vitest';
import type { OrgKind, Role } from '@/clickhouse/vocabulary';
import { canHearRecording, type CallForAccess, type Listener } from './access';

// CallPro (outsourcer) runs ACME-OUT for Acme (client) in partnership p-acme, and HORIZON-IN for Horizon in p-horizon.
const acmeCall = (agent = 'A1'): CallForAccess => ({
  org_id: 'callpro', campaign_id: 'acme-out', agent, partnership_id: 'p-acme', outsourcer_org_id: 'callpro', client_org_id: 'acme',
});
const ALLOWED = { client_may_listen: true };
const REFUSED = { client_may_listen: false };

function who(role: Role, orgKind: OrgKind, orgId: string, opts: { agentCode?: string; campaigns?: string[]; partnerships?: string[] } = {}): Listener {
  return {
    role, orgKind, orgId, agentCode: opts.agentCode ?? '',
    campaignIds: new Set(opts.campaigns ?? ['acme-out']), partnershipIds: new Set(opts.partnerships ?? ['p-acme']),
  };
}
const hears = (w: Listener, call: CallForAccess, policy = REFUSED) => canHearRecording(w, call, policy);

describe('canHearRecording', () => {
  it('lets the outsourcer’s manager, quality staff and admin hear every call of their campaigns, whatever the client’s permission', () => {
    for (const role of ['manager', 'quality', 'admin'] as const) {
      for (const policy of [ALLOWED, REFUSED]) {
        expect(hears(who(role, 'outsourcer', 'callpro'), acmeCall('A1'), policy), role).toBe(true);
        expect(hears(who(role, 'outsourcer', 'callpro'), acmeCall('A2'), policy), role).toBe(true);
        expect(hears(who(role, 'outsourcer', 'callpro'), acmeCall(''), policy), role).toBe(true);
      }
    }
  });

  it('refuses the outsourcer’s staff a campaign out of their scope and another organization’s calls', () => {
    for (const role of ['manager', 'quality', 'admin'] as const) {
      expect(hears(who(role, 'outsourcer', 'callpro', { campaigns: ['horizon-in'], partnerships: ['p-horizon'] }), acmeCall()), role).toBe(false);
      expect(hears(who(role, 'outsourcer', 'zeta'), acmeCall(), ALLOWED), role).toBe(false);
    }
  });

  it('lets an agent hear their own calls only, whatever the client’s permission', () => {
    for (const policy of [ALLOWED, REFUSED]) {
      expect(hears(who('agent', 'outsourcer', 'callpro', { agentCode: 'A1' }), acmeCall('A1'), policy)).toBe(true);
      expect(hears(who('agent', 'outsourcer', 'callpro', { agentCode: 'A1' }), acmeCall('A2'), policy)).toBe(false);
      expect(hears(who('agent', 'outsourcer', 'callpro', { agentCode: 'A1' }), acmeCall(''), policy)).toBe(false);
    }
    // An agent without a code owns no call, not even those that name none.
    expect(hears(who('agent', 'outsourcer', 'callpro', { agentCode: '' }), acmeCall(''), ALLOWED)).toBe(false);
    // Their code on a campaign they are not assigned to (agent3 of Horizon), and in another organization.
    expect(hears(who('agent', 'outsourcer', 'callpro', { agentCode: 'A1', campaigns: ['horizon-in'], partnerships: ['p-horizon'] }), acmeCall('A1'), ALLOWED)).toBe(false);
    expect(hears(who('agent', 'outsourcer', 'zeta', { agentCode: 'A1' }), acmeCall('A1'), ALLOWED)).toBe(false);
  });

  it('lets the client’s staff (client, client-side admin) hear their partnership’s calls only when the partnership allows it', () => {
    for (const role of ['client', 'admin'] as const) {
      expect(hears(who(role, 'client', 'acme'), acmeCall('A1'), ALLOWED), role).toBe(true);
      expect(hears(who(role, 'client', 'acme'), acmeCall('A1'), REFUSED), role).toBe(false);
      // Another client (Horizon) even when Acme's partnership allows it, with or without the campaign in a forged scope.
      expect(hears(who(role, 'client', 'horizon', { campaigns: ['horizon-in'], partnerships: ['p-horizon'] }), acmeCall(), ALLOWED), role).toBe(false);
      expect(hears(who(role, 'client', 'horizon'), acmeCall(), ALLOWED), role).toBe(false);
    }
  });

  it('refuses a role that does not fit its organization’s kind', () => {
    for (const role of ['manager', 'quality', 'agent'] as const) expect(hears(who(role, 'client', 'acme', { agentCode: 'A1' }), acmeCall('A1'), ALLOWED), role).toBe(false);
    expect(hears(who('client', 'outsourcer', 'callpro'), acmeCall(), ALLOWED)).toBe(false);
  });

  it('refuses everyone a call stored by another organization than its campaign’s outsourcer', () => {
    const forged = { ...acmeCall('A1'), org_id: 'zeta' };
    expect(hears(who('manager', 'outsourcer', 'zeta'), forged, ALLOWED)).toBe(false);
    expect(hears(who('manager', 'outsourcer', 'callpro'), forged, ALLOWED)).toBe(false);
    expect(hears(who('client', 'client', 'acme'), forged, ALLOWED)).toBe(false);
  });
});
