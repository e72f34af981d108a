import { describe, expect, it } from 'vitest';
import { buildScope, hasRole, type ScopeInput } from './scope';

// Two outsourcers, two clients: CallPro serves Acme and Horizon; OtherCenter serves Acme too.
const partnerships = [
  { id: 'p-acme', outsourcer_org_id: 'callpro', client_org_id: 'acme' },
  { id: 'p-horizon', outsourcer_org_id: 'callpro', client_org_id: 'horizon' },
  { id: 'p-other-acme', outsourcer_org_id: 'other', client_org_id: 'acme' },
];
const campaigns = [
  { id: 'c-acme-in', partnership_id: 'p-acme' },
  { id: 'c-acme-out', partnership_id: 'p-acme' },
  { id: 'c-horizon-in', partnership_id: 'p-horizon' },
  { id: 'c-other', partnership_id: 'p-other-acme' },
];

function scopeOf(user: ScopeInput['user'], assigned: string[] = []) {
  const s = buildScope({ user, partnerships, campaigns, assignedCampaignIds: assigned });
  return { partnerships: [...s.partnershipIds].sort(), campaigns: [...s.campaignIds].sort() };
}

describe('buildScope', () => {
  it('gives a client user its own partnerships with every outsourcer, nothing of other clients', () => {
    expect(scopeOf({ id: 'u', role: 'client', orgId: 'acme', orgKind: 'client' })).toEqual({
      partnerships: ['p-acme', 'p-other-acme'],
      campaigns: ['c-acme-in', 'c-acme-out', 'c-other'],
    });
  });

  it('gives outsourcer managers, quality and admins their organization side only', () => {
    for (const role of ['manager', 'quality', 'admin'] as const) {
      expect(scopeOf({ id: 'u', role, orgId: 'callpro', orgKind: 'outsourcer' })).toEqual({
        partnerships: ['p-acme', 'p-horizon'],
        campaigns: ['c-acme-in', 'c-acme-out', 'c-horizon-in'],
      });
    }
  });

  it('limits agents to the campaigns they are assigned to, inside their organization', () => {
    const agent = { id: 'a', role: 'agent' as const, orgId: 'callpro', orgKind: 'outsourcer' as const };
    expect(scopeOf(agent, ['c-acme-in'])).toEqual({ partnerships: ['p-acme'], campaigns: ['c-acme-in'] });
    // An assignment to another outsourcer's campaign grants nothing.
    expect(scopeOf(agent, ['c-other'])).toEqual({ partnerships: [], campaigns: [] });
    expect(scopeOf(agent, [])).toEqual({ partnerships: [], campaigns: [] });
  });

  it('gives nothing to a role that does not belong to the organization kind', () => {
    expect(scopeOf({ id: 'u', role: 'manager', orgId: 'acme', orgKind: 'client' })).toEqual({ partnerships: [], campaigns: [] });
    expect(scopeOf({ id: 'u', role: 'client', orgId: 'callpro', orgKind: 'outsourcer' })).toEqual({ partnerships: [], campaigns: [] });
  });

  it('a client admin sees the client side like a client user', () => {
    expect(scopeOf({ id: 'u', role: 'admin', orgId: 'horizon', orgKind: 'client' })).toEqual({
      partnerships: ['p-horizon'],
      campaigns: ['c-horizon-in'],
    });
  });
});

describe('hasRole', () => {
  it('accepts only the listed roles', () => {
    expect(hasRole({ role: 'manager' }, ['manager', 'admin'])).toBe(true);
    expect(hasRole({ role: 'agent' }, ['manager', 'admin'])).toBe(false);
    expect(hasRole({ role: 'client' }, [])).toBe(false);
  });
});
