import { describe, expect, it } from 'vitest';
import { liveAgentRows, utcMillis, type LiveAgentsInput } from './live-agents';

const NOW = Date.UTC(2026, 2, 10, 10, 0);
const campaigns = [{ id: 'c-in', code: 'ACME-IN', name: 'Acme — Service client' }, { id: 'c-out', code: 'ACME-OUT', name: 'Acme — Relance' }];
const base: LiveAgentsInput = {
  now: NOW, campaign: campaigns[0]!, campaigns, kpis: new Map(), recorded: [], pool: [],
  agents: [{ code: 'A2', name: 'Agent 2', team: 'Énergie' }, { code: 'A1', name: 'Agent 1', team: 'Énergie' }, { code: 'A3', name: 'Agent 3', team: '' }],
};

describe('the per-agent live rows', () => {
  it('reads the dialer’s pool first, the records otherwise, and nothing for an agent never seen today', () => {
    const rows = liveAgentRows({
      ...base,
      pool: [
        { code: 'A1', sipUser: 'a1', campaigns: ['ACME-IN', 'ACME-OUT'], state: 'on_call', since: NOW - 95_000, campaign: 'ACME-OUT' },
        { code: 'A2', sipUser: 'a2', campaigns: ['ACME-IN'], state: 'paused', since: NOW - 30_000, pauseReason: 'break' },
      ],
      recorded: [{ agent: 'A2', state: 'available', at: NOW - 3_600_000, campaign: '' }],
      kpis: new Map([['A1', { connected: 12, aht_seconds: 184.5 }]]),
    });
    expect(rows.map((r) => r.agent)).toEqual(['A1', 'A2', 'A3']);
    expect(rows[0]).toEqual({
      agent: 'A1', name: 'Agent 1', team: 'Énergie', state: 'on_call', pauseReason: null, stateSeconds: 95,
      call: { campaignId: 'c-out', campaignName: 'Acme — Relance', seconds: 95 }, callsToday: 12, ahtSeconds: 184.5, source: 'dialer',
    });
    expect(rows[1]).toMatchObject({ state: 'paused', pauseReason: 'break', stateSeconds: 30, call: null, callsToday: 0, ahtSeconds: null, source: 'dialer' });
    expect(rows[2]).toMatchObject({ state: null, stateSeconds: null, call: null, source: null });
  });

  it('without a dialer, takes the recorded state, its time and its call’s campaign; a campaign out of scope is not named', () => {
    const rows = liveAgentRows({
      ...base, pool: null,
      recorded: [
        { agent: 'A1', state: 'wrapup', at: NOW - 10_000, campaign: 'c-in' },
        { agent: 'A3', state: 'on_call', at: NOW - 61_000, campaign: 'somebody-else' },
      ],
    });
    expect(rows[0]).toMatchObject({ state: 'wrapup', stateSeconds: 10, call: { campaignId: 'c-in', campaignName: 'Acme — Service client', seconds: null }, source: 'records' });
    expect(rows[2]).toMatchObject({ state: 'on_call', stateSeconds: 61, call: { campaignId: null, campaignName: null, seconds: 61 } });
  });

  it('reads ClickHouse’s UTC instants', () => {
    expect(utcMillis('2026-03-10 10:00:00.250')).toBe(NOW + 250);
  });
});
