import { describe, expect, it } from 'vitest';
import { callRecord } from '@/dialer/calls/call-record';
import { callRow, type CallFacts } from './derive';
import { validateRecord } from './ndjson';

const campaign = { id: 'c1', orgId: 'o1', successDispositions: ['sale'] };
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const base: CallFacts = { id: 'x', direction: 'inbound', started_at: t0, ended_at: t0 + 200_000, hold_seconds: 10, wrap_seconds: 15, outcome: 'connected' };

describe('callRow', () => {
  it('measures the queue wait and talk time of a connected inbound call, talk net of its 10 s on hold', () => {
    const row = callRow({ ...base, connected_at: t0 + 18_000 }, campaign, 7, t0);
    expect(row).toMatchObject({ queue_seconds: 18, talk_seconds: 172, hold_seconds: 10, human_answered: 0, dropped: 0, sign: 1, version: 7 });
  });

  it('never counts a negative talk when the hold given is longer than the conversation', () => {
    expect(callRow({ ...base, connected_at: t0 + 195_000, hold_seconds: 30 }, campaign, 1, t0)).toMatchObject({ talk_seconds: 0, hold_seconds: 30 });
  });

  it('counts an abandoned inbound call’s wait until the caller hung up', () => {
    const row = callRow({ ...base, outcome: 'abandoned', ended_at: t0 + 45_000 }, campaign, 1, t0);
    expect(row).toMatchObject({ queue_seconds: 45, talk_seconds: 0 });
  });

  it('marks an outbound call answered by a person and connected after more than 2 s as dropped', () => {
    const out = { ...base, direction: 'outbound' as const, answered_at: t0 + 10_000 };
    expect(callRow({ ...out, connected_at: t0 + 12_000 }, campaign, 1, t0)).toMatchObject({ human_answered: 1, dropped: 0 });
    expect(callRow({ ...out, connected_at: t0 + 12_001 }, campaign, 1, t0)).toMatchObject({ human_answered: 1, dropped: 1 });
    expect(callRow({ ...out, outcome: 'abandoned' }, campaign, 1, t0)).toMatchObject({ human_answered: 1, dropped: 1 });
    expect(callRow({ ...out, outcome: 'voicemail' }, campaign, 1, t0)).toMatchObject({ human_answered: 0, dropped: 0 });
    expect(callRow({ ...out, answered_at: undefined, outcome: 'no_answer' }, campaign, 1, t0)).toMatchObject({ human_answered: 0 });
  });

  it('keeps the recording’s path, empty when the call was not recorded', () => {
    expect(callRow({ ...base, recording_path: '2026-01-05/abc.wav' }, campaign, 1, t0).recording_path).toBe('2026-01-05/abc.wav');
    expect(callRow(base, campaign, 1, t0).recording_path).toBe('');
  });

  it('takes the dialer’s recording path through the contract, and no other path', () => {
    const recorded = callRecord({ id: 'c3', campaign: 'ACME-OUT', direction: 'outbound', phone: '+33612000012', startedAt: t0, answeredAt: t0 + 5_000, connectedAt: t0 + 6_000, endedAt: t0 + 60_000, outcome: 'connected', recordingPath: '2026-01-05/abc_relais.wav' });
    expect(validateRecord(recorded)).toMatchObject({ record: { recording_path: '2026-01-05/abc_relais.wav' } });
    for (const bad of ['../2026-01-05/abc.wav', '2026-01-05/../../etc/passwd.wav', '/tmp/2026-01-05/abc.wav', '2026-01-05/abc.mp3', '2026-01-05/.abc.wav']) {
      expect(validateRecord({ ...recorded, recording_path: bad })).toMatchObject({ error: 'recording_path: must be a recording path: <yyyy-mm-dd>/<name>.wav' });
    }
  });

  it('derives conversion from the campaign’s success dispositions unless the record says', () => {
    expect(callRow({ ...base, disposition: 'sale' }, campaign, 1, t0).converted).toBe(1);
    expect(callRow({ ...base, disposition: 'callback' }, campaign, 1, t0).converted).toBe(0);
    expect(callRow({ ...base, disposition: 'sale', converted: false }, campaign, 1, t0).converted).toBe(0);
    expect(callRow({ ...base, converted: true }, campaign, 1, t0).converted).toBe(1);
  });
});
