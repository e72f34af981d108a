import { describe, expect, it } from 'vitest';
import { callRecord } from './call-record';

const t0 = Date.UTC(2026, 11, 5, 9, 6, 49, 100);

describe('callRecord', () => {
  it('ends no earlier than the bridge when the caller hung up as it completed (the ingest contract refuses connected_at after ended_at)', () => {
    // Seen under load: ended 09:06:49.155, connected noted at .161.
    const record = callRecord({ id: 'c1', campaign: 'ACME-IN', direction: 'inbound', phone: '+33612000010', agent: 'A1', startedAt: t0, connectedAt: t0 + 61, endedAt: t0 + 55, outcome: 'connected' });
    expect([record.connected_at, record.ended_at]).toEqual([new Date(t0 + 61).toISOString(), new Date(t0 + 61).toISOString()]);
  });

  it('keeps the end as it was when the instants are in order', () => {
    const record = callRecord({ id: 'c2', campaign: 'ACME-OUT', direction: 'outbound', phone: '+33612000011', startedAt: t0, answeredAt: t0 + 5_000, connectedAt: t0 + 6_000, endedAt: t0 + 60_000, outcome: 'connected' });
    expect([record.answered_at, record.connected_at, record.ended_at]).toEqual([t0 + 5_000, t0 + 6_000, t0 + 60_000].map((t) => new Date(t).toISOString()));
  });

  it('names the recording when the call was recorded (server/ingest/derive.test.ts: the contract takes it)', () => {
    const facts = { id: 'c3', campaign: 'ACME-OUT', direction: 'outbound' as const, phone: '+33612000012', startedAt: t0, answeredAt: t0 + 5_000, connectedAt: t0 + 6_000, endedAt: t0 + 60_000, outcome: 'connected' as const };
    const recorded = callRecord({ ...facts, recordingPath: '2026-12-05/abc_relais.wav' });
    expect(recorded.recording_path).toBe('2026-12-05/abc_relais.wav');
    expect('recording_path' in callRecord(facts)).toBe(false);
  });
});
