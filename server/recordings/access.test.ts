import { describe, expect, it } from 'vitest';
import type { Role } from '@/clickhouse/vocabulary';
import { canHearRecording } from './access';

const call = { org_id: 'callpro', campaign_id: 'acme-out' };
const scope = (role: Role, orgKind: 'outsourcer' | 'client' = 'outsourcer', orgId = 'callpro', campaigns = ['acme-out']) =>
  ({ role, orgKind, orgId, campaignIds: new Set(campaigns) });

describe('canHearRecording', () => {
  it('lets the outsourcer’s manager, quality staff and admin hear their organization’s calls in their scope', () => {
    for (const role of ['manager', 'quality', 'admin'] as const) expect(canHearRecording(scope(role), call), role).toBe(true);
  });

  it('refuses agents, clients, a client-side admin, another organization and a campaign out of scope', () => {
    expect(canHearRecording(scope('agent'), call)).toBe(false);
    expect(canHearRecording(scope('client', 'client', 'acme'), call)).toBe(false);
    expect(canHearRecording(scope('admin', 'client', 'acme'), call)).toBe(false);
    expect(canHearRecording(scope('manager', 'outsourcer', 'zeta'), call)).toBe(false);
    expect(canHearRecording(scope('manager', 'outsourcer', 'callpro', ['horizon-out']), call)).toBe(false);
  });
});
