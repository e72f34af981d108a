import { describe, expect, it } from 'vitest';
import { numberConflict, routeInbound, type Line } from './inbound-routing';

const line = (code: string, direction: Line['direction'], number: string, status: Line['status'] = 'running', partnershipId = 'acme'): Line =>
  ({ campaignId: `id-${code}`, code, direction, partnershipId, number, status });

const never = () => undefined;

describe('routeInbound', () => {
  it('refuses a number no campaign has with 404', () => {
    expect(routeInbound('+33100000000', [line('ACME-IN', 'inbound', '+33180001000')], never)).toMatchObject({ kind: 'reject', status: 404 });
  });

  it('rings an open inbound line, and answers 480 while it is closed', () => {
    expect(routeInbound('+33180001000', [line('ACME-IN', 'inbound', '+33180001000')], never)).toEqual({ kind: 'route', campaignId: 'id-ACME-IN', smart: false });
    for (const status of ['paused', 'stopped'] as const) {
      expect(routeInbound('+33180001000', [line('ACME-IN', 'inbound', '+33180001000', status)], never)).toMatchObject({ kind: 'reject', status: 480 });
    }
  });

  it('sends a callback to the caller ID to the campaign that called the caller most recently', () => {
    const lines = [line('OUT-A', 'outbound', '+33180001001'), line('OUT-B', 'outbound', '+33180001001', 'paused'), line('OUT-C', 'outbound', '+33180001001')];
    const called = (id: string) => ({ 'id-OUT-A': 1_000, 'id-OUT-B': 5_000 } as Record<string, number>)[id];
    expect(routeInbound('+33180001001', lines, called)).toEqual({ kind: 'route', campaignId: 'id-OUT-B', smart: true });
  });

  it('takes callbacks on a paused campaign but not on a stopped one', () => {
    const lines = [line('OUT-A', 'outbound', '+33180001001', 'stopped'), line('OUT-B', 'outbound', '+33180001001', 'paused')];
    expect(routeInbound('+33180001001', lines, (id) => (id === 'id-OUT-A' ? 9_000 : undefined))).toEqual({ kind: 'route', campaignId: 'id-OUT-B', smart: false });
    expect(routeInbound('+33180001001', [lines[0]!], () => 9_000)).toMatchObject({ kind: 'reject', status: 480 });
  });

  it('gives an unknown caller of a shared caller ID to the first open campaign by code', () => {
    const lines = [line('OUT-B', 'outbound', '+33180001001'), line('OUT-A', 'outbound', '+33180001001')];
    expect(routeInbound('+33180001001', lines, never)).toEqual({ kind: 'route', campaignId: 'id-OUT-A', smart: false });
  });

  it('prefers the open inbound line when the number is also a caller ID', () => {
    const lines = [line('OUT', 'outbound', '+33180001000'), line('IN', 'inbound', '+33180001000')];
    expect(routeInbound('+33180001000', lines, () => 1)).toEqual({ kind: 'route', campaignId: 'id-IN', smart: false });
  });
});

describe('numberConflict', () => {
  const lines = [line('ACME-IN', 'inbound', '+33180001000'), line('ACME-OUT', 'outbound', '+33180001001'), line('HZ-OUT', 'outbound', '+33180002001', 'stopped', 'horizon')];
  it('lets the campaigns of one client share a caller ID', () => {
    expect(numberConflict(lines, { campaignId: 'new', direction: 'outbound', partnershipId: 'acme' }, '+33180001001')).toBeNull();
    expect(numberConflict(lines, { campaignId: 'new', direction: 'outbound', partnershipId: 'acme' }, '+33180001000')).toBeNull();
  });
  it('refuses a number of another client, stopped campaign or not', () => {
    expect(numberConflict(lines, { campaignId: 'new', direction: 'outbound', partnershipId: 'acme' }, '+33180002001')).toMatch(/HZ-OUT, of another client/);
  });
  it('refuses a second inbound line on one number', () => {
    expect(numberConflict(lines, { campaignId: 'new', direction: 'inbound', partnershipId: 'acme' }, '+33180001000')).toMatch(/inbound line ACME-IN/);
  });
  it('ignores the campaign itself', () => {
    expect(numberConflict(lines, { campaignId: 'id-ACME-IN', direction: 'inbound', partnershipId: 'acme' }, '+33180001000')).toBeNull();
  });
});
