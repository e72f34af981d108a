// The regulatory abandon tally follows the campaign day: drops of the day before stop counting at midnight in the
// campaign's time zone (France measures the rate per campaign day). Written against the runner before the fix
// (the tally was loaded once when the runner was built): it failed with 100 answered and 3 drops after midnight.
import { describe, expect, it } from 'vitest';
import { LeadHopper } from '@/dialer/hopper/lead-hopper';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { AbandonTally } from './abandon-tally';
import { AgentPool } from './agent-pool';
import { CampaignRunner } from './campaign-runner';
import { settingsWith } from './settings';

describe('the abandon tally of a campaign running past midnight', () => {
  it("stops counting yesterday's drops against today's cap at midnight in the campaign's time zone", () => {
    let now = Date.parse('2026-12-02T22:59:00Z'); // 23:59 in Paris
    const pool = new AgentPool(() => {}, () => now);
    const runner = new CampaignRunner(
      { id: 'out', code: 'OUT', orgId: 'org', timeZone: 'Europe/Paris', direction: 'outbound', partnershipId: 'p' },
      settingsWith({ mode: 'predictive', callerId: '+33180001001' }),
      new LeadHopper([]),
      {
        telephony: { isConnected: true, dial: () => new Promise<DialResult>(() => {}) },
        pool, record: () => {}, journal: async () => {}, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
        records: () => ({ numbers: new Set(['+33180001001']), consents: new Map() }),
        dnc: () => null, now: () => now,
      },
      // The day's calls as the records have them: 100 answered by a person, 3 dropped, the last at 23:30.
      new AbandonTally('campaign_day', 'Europe/Paris', [{ minute: Date.parse('2026-12-02T22:30:00Z'), humanAnswered: 100, dropped: 3 }]),
    );
    expect(runner.snapshot()).toMatchObject({ humanAnswered: 100, dropped: 3, abandonRate: 0.03 });
    now = Date.parse('2026-12-02T23:01:00Z'); // 00:01 the next day in Paris
    expect(runner.snapshot()).toMatchObject({ humanAnswered: 0, dropped: 0, abandonRate: null });
  });
});
