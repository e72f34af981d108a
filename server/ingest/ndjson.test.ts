import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson';

const call = {
  kind: 'call', id: 'c1', campaign: 'ACME-IN', direction: 'inbound', started_at: '2026-03-02T09:00:00Z',
  connected_at: '2026-03-02T09:00:12Z', ended_at: '2026-03-02T09:04:00+00:00', outcome: 'connected', agent: 'A1',
};
const line = (o: object) => JSON.stringify(o);

describe('parseNdjson', () => {
  it('keeps good lines and rejects bad ones with their physical line number', () => {
    const body = [
      line(call),
      '',
      '{not json',
      line({ ...call, id: 'c2', ended_at: '2026-03-02T08:59:00Z', connected_at: undefined, outcome: 'abandoned' }),
      line({ kind: 'survey', id: 's1', campaign: 'ACME-IN', score: 11, answered_at: '2026-03-02T10:00:00Z' }),
      line({ kind: 'survey', id: 's2', campaign: 'ACME-IN', score: 9, answered_at: '2026-03-02T10:00:00Z' }),
      line({ kind: 'weather', id: 'w' }),
      line({ ...call, id: 'c3', started_at: '2026-03-02 09:00:00' }),
      line({ kind: 'agent_state', agent: 'A1', state: 'available', at: '2026-03-02T08:00:00+01:00' }),
      '[1,2]',
    ].join('\n');
    const { records, rejected } = parseNdjson(body);
    expect(records.map((r) => r.line)).toEqual([1, 6, 9]);
    expect(rejected).toEqual([
      { line: 3, error: 'not valid JSON' },
      { line: 4, error: 'ended_at: must not be before started_at' },
      { line: 5, error: 'score: must be between 0 and 10' },
      { line: 7, error: 'kind: must be one of call, survey, agent_state' },
      { line: 8, error: 'started_at: must be an ISO-8601 timestamp with Z or an offset' },
      { line: 10, error: 'each line must be a JSON object' },
    ]);
  });

  it('normalises instants to epoch milliseconds, honouring offsets', () => {
    const { records } = parseNdjson(line({ kind: 'agent_state', agent: 'A1', state: 'paused', at: '2026-03-02T08:00:00+01:00' }));
    expect(records[0]!.record).toMatchObject({ at: Date.UTC(2026, 2, 2, 7, 0, 0) });
  });

  it('names the rule a call breaks', () => {
    const errors = (o: object) => parseNdjson(line(o)).rejected[0]?.error;
    expect(errors({ ...call, connected_at: undefined })).toBe('connected_at: is required when outcome is connected');
    expect(errors({ ...call, outcome: 'busy' })).toBe('connected_at: must be absent when outcome is busy');
    expect(errors({ ...call, connected_at: '2026-03-02T10:00:00Z' })).toBe('connected_at: must be between started_at and ended_at');
    expect(errors({ ...call, phone: '0612345678' })).toBe('phone: must be an E.164 number (+ and 6 to 15 digits)');
    expect(errors({ ...call, direction: 'sideways' })).toMatch(/^direction: /);
    expect(errors({ ...call, id: undefined })).toBe('id: is required');
    expect(errors({ ...call, hold_seconds: -1 })).toMatch(/^hold_seconds: /);
    expect(errors({ kind: 'survey', id: 's', campaign: 'X', score: 7.5, answered_at: '2026-03-02T10:00:00Z' })).toBe('score: must be an integer');
    expect(errors({ ...call, started_at: '2026-02-30T09:00:00Z' })).toMatch(/^started_at: /);
    expect(errors({ ...call, started_at: '2025-02-29T09:00:00Z' })).toBe('started_at: is not a valid date');
    expect(errors({ ...call, started_at: '2026-04-31T09:00:00Z' })).toBe('started_at: is not a valid date');
    expect(errors({ ...call, started_at: '2024-02-29T09:00:00Z', connected_at: '2024-02-29T09:00:12Z', ended_at: '2024-02-29T09:04:00Z' })).toBeUndefined();
  });
});
