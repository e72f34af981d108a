import { describe, expect, it } from 'vitest';
import { cdrRecord, checkMapping, toInstant } from './csv-cdr';

describe('toInstant', () => {
  it('reads local ISO and French timestamps in the campaign zone, across DST', () => {
    expect(toInstant('2026-03-02 09:00:00', 'Europe/Paris')).toBe('2026-03-02T08:00:00.000Z');
    expect(toInstant('02/07/2026 09:00', 'Europe/Paris')).toBe('2026-07-02T07:00:00.000Z');
    expect(toInstant('2026-03-29 03:30:00', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('leaves timestamps with an offset, and non-dates, to the schema', () => {
    expect(toInstant('2026-03-02T09:00:00+01:00', 'Europe/Paris')).toBe('2026-03-02T09:00:00+01:00');
    expect(toInstant('31/02/2026 09:00', 'Europe/Paris')).toBe('31/02/2026 09:00');
    expect(toInstant('yesterday', 'Europe/Paris')).toBe('yesterday');
  });
});

describe('cdrRecord', () => {
  const row = { id: 'r1', direction: 'Inbound', started_at: '02/03/2026 09:00:00', connected_at: '02/03/2026 09:00:15', ended_at: '02/03/2026 09:05:00', outcome: 'CONNECTED', hold_seconds: '12,5', converted: 'oui', agent: ' A7 ' };

  it('builds the same record the API would accept', () => {
    const result = cdrRecord(row, 'ACME-IN', 'Europe/Paris');
    expect(result).toEqual({ record: expect.objectContaining({ kind: 'call', id: 'r1', campaign: 'ACME-IN', direction: 'inbound', agent: 'A7', outcome: 'connected', hold_seconds: 12.5, converted: true, started_at: Date.UTC(2026, 2, 2, 8, 0, 0) }) });
  });

  it('rejects with the API’s messages', () => {
    expect(cdrRecord({ ...row, ended_at: '02/03/2026 08:00:00' }, 'ACME-IN', 'Europe/Paris')).toMatchObject({ error: 'ended_at: must not be before started_at' });
    expect(cdrRecord({ ...row, converted: 'maybe' }, 'ACME-IN', 'Europe/Paris')).toMatchObject({ error: expect.stringMatching(/^converted: /) });
    expect(cdrRecord({ ...row, id: '' }, 'ACME-IN', 'Europe/Paris')).toMatchObject({ error: 'id: is required' });
  });
});

describe('checkMapping', () => {
  it('names the required fields left unmapped and columns the file does not have', () => {
    const header = ['Call', 'Sens', 'Début', 'Fin', 'Issue'];
    expect(checkMapping(header, { id: 'Call', direction: 'Sens', started_at: 'Début', ended_at: 'Fin', outcome: 'Issue' })).toBeNull();
    expect(checkMapping(header, { id: 'Call', direction: 'Sens' })).toEqual({ kind: 'unmapped', fields: ['started_at', 'ended_at', 'outcome'] });
    expect(checkMapping(header, { id: 'Call', direction: 'Sens', started_at: 'Début', ended_at: 'Fin', outcome: 'Result' })).toEqual({ kind: 'noSuchColumn', columns: ['Result'] });
  });
});
