import { describe, expect, it } from 'vitest';
import type { Role } from '@/clickhouse/vocabulary';
import type { Scope } from '@/server/tenancy/scope';
import { canRead, canUpload } from './access';

const scope = (role: Role, orgKind: 'client' | 'outsourcer', campaigns = ['c1'], partnerships = ['p1']): Scope => ({
  userId: 'u', role, orgId: orgKind === 'client' ? 'acme' : 'callpro', orgKind,
  partnershipIds: new Set(partnerships), campaignIds: new Set(campaigns),
});
const file = (purpose: 'contacts' | 'training' | 'opt_out' | 'document', partnership_id = 'p1', campaign_id = 'c1', owner_org_id = '') =>
  ({ purpose, partnership_id, campaign_id, owner_org_id });

describe('file access', () => {
  it('lets the client upload contacts to its own campaign only', () => {
    expect(canUpload(scope('client', 'client'), 'contacts', { partnershipId: 'p1', campaignId: 'c1' })).toBe(true);
    expect(canUpload(scope('client', 'client'), 'contacts', { partnershipId: 'p2', campaignId: 'c9' })).toBe(false);
    expect(canUpload(scope('client', 'client'), 'contacts', { partnershipId: 'p1', campaignId: 'c9' })).toBe(false);
  });
  it('keeps opt-out lists to the outsourcer managers', () => {
    expect(canUpload(scope('manager', 'outsourcer'), 'opt_out', {})).toBe(true);
    expect(canUpload(scope('client', 'client'), 'opt_out', {})).toBe(false);
    expect(canUpload(scope('agent', 'outsourcer'), 'opt_out', {})).toBe(false);
    expect(canRead(scope('manager', 'outsourcer'), file('opt_out', '', '', 'callpro'))).toBe(true);
    expect(canRead(scope('manager', 'outsourcer'), file('opt_out', '', '', 'other'))).toBe(false);
  });
  it('shows agents the training of their campaigns and nothing else', () => {
    expect(canRead(scope('agent', 'outsourcer'), file('training'))).toBe(true);
    expect(canRead(scope('agent', 'outsourcer'), file('training', 'p1', 'c2'))).toBe(false);
    expect(canRead(scope('agent', 'outsourcer'), file('contacts'))).toBe(false);
    expect(canUpload(scope('agent', 'outsourcer'), 'training', { partnershipId: 'p1', campaignId: 'c1' })).toBe(false);
  });
  it('hides another partnership', () => {
    expect(canRead(scope('client', 'client'), file('document', 'p2', ''))).toBe(false);
    expect(canRead(scope('client', 'client'), file('document', 'p1', ''))).toBe(true);
  });
});
