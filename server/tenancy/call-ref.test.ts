import { describe, expect, it } from 'vitest';
import { AmbiguousCallError, campaignQuery, campaignsToSearch, theOneCall } from './call-ref';

const scope = { campaignIds: new Set(['c-acme-in', 'c-acme-out']) };

describe('a call named by id and maybe its campaign', () => {
  it('searches the named campaign only when it is in scope, else the whole scope', () => {
    expect(campaignsToSearch(scope, 'c-acme-out')).toEqual(['c-acme-out']);
    expect(campaignsToSearch(scope, 'c-horizon')).toEqual([]);
    expect(campaignsToSearch(scope, undefined).sort()).toEqual(['c-acme-in', 'c-acme-out']);
  });

  it('takes the one call found, none when none, and refuses an id two campaigns share', () => {
    const ref = { callId: 'CDR-1' };
    expect(theOneCall(ref, [{ campaign_id: 'c-acme-in', n: 1 }])).toEqual({ campaign_id: 'c-acme-in', n: 1 });
    expect(theOneCall(ref, [])).toBeUndefined();
    expect(() => theOneCall(ref, [{ campaign_id: 'c-acme-in' }, { campaign_id: 'c-acme-out' }])).toThrow(AmbiguousCallError);
  });

  it('writes the campaign into a portal URL, escaped', () => {
    expect(campaignQuery('c 1&x')).toBe('?campaign=c%201%26x');
    expect(campaignQuery(undefined)).toBe('');
  });
});
