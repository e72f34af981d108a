// The records the dialer writes pass the ingest contract as they are: its call records, and the agent_state record
// of every move of its agent state machine.
import { describe, expect, it } from 'vitest';
import { move, type Agent } from '@/dialer/agents/agent-state';
import { callRecord } from '@/dialer/calls/call-record';
import { AGENT_STATES, type AgentState } from '@/clickhouse/vocabulary';
import { validateRecord } from '@/server/ingest/ndjson';

const t0 = Date.parse('2026-11-24T10:00:00Z');

describe('the call record the dialer writes', () => {
  it('a connected call passes the ingest contract with its instants and wrap-up', () => {
    const r = validateRecord(callRecord({ id: 'x', campaign: 'C', direction: 'outbound', phone: '+33612345678', contact: 'Jean Dupont', agent: 'A1',
      startedAt: t0, answeredAt: t0 + 4000, connectedAt: t0 + 4500, endedAt: t0 + 60_000, wrapSeconds: 12.3456, outcome: 'connected', disposition: 'sale' }));
    expect(r).toMatchObject({ record: { answered_at: t0 + 4000, connected_at: t0 + 4500, wrap_seconds: 12.346, disposition: 'sale', agent: 'A1' } });
  });

  it('a refused dial carries its rule and no duration; an abandoned call has no connection', () => {
    expect(validateRecord(callRecord({ id: 'y', campaign: 'C', direction: 'outbound', phone: '+33612345678', startedAt: t0, endedAt: t0, outcome: 'rejected_compliance', rule: 'dnc' })))
      .toMatchObject({ record: { outcome: 'rejected_compliance', rule: 'dnc', started_at: t0, ended_at: t0 } });
    const abandoned = validateRecord(callRecord({ id: 'z', campaign: 'C', direction: 'outbound', phone: '+33612345678', startedAt: t0, answeredAt: t0 + 1000, connectedAt: t0 + 1500, endedAt: t0 + 3000, outcome: 'abandoned' }));
    expect(abandoned).toMatchObject({ record: { outcome: 'abandoned' } });
    expect('record' in abandoned && abandoned.record.kind === 'call' && abandoned.record.connected_at).toBeUndefined();
  });

  it('an inbound call from a withheld number has no phone and starts when it entered the queue', () => {
    const r = validateRecord(callRecord({ id: 'w', campaign: 'C', direction: 'inbound', phone: '', agent: 'A1', startedAt: t0, connectedAt: t0 + 8000, endedAt: t0 + 60_000, outcome: 'connected' }));
    expect(r).toMatchObject({ record: { direction: 'inbound', started_at: t0, connected_at: t0 + 8000 } });
    expect('record' in r && r.record.kind === 'call' && r.record.phone).toBeUndefined();
  });
});

describe('the agent_state record of a move', () => {
  it('passes the ingest contract for every state the machine can move to', () => {
    const before: Record<AgentState, AgentState> = { available: 'offline', ringing: 'available', on_call: 'ringing', wrapup: 'on_call', paused: 'available', offline: 'available' };
    for (const to of AGENT_STATES) {
      const from: Agent = { code: 'A1', sipUser: 'agent-a1', state: before[to], since: 0, campaigns: ['C'] };
      const { event } = move(from, to, t0, 'C');
      expect(validateRecord(event)).toMatchObject({ record: { kind: 'agent_state', agent: 'A1', campaign: 'C', state: to, at: t0 } });
    }
  });
});
