// The fast path of call lines must agree with the zod schema: same verdict, same output, on valid lines
// and on many broken ones. zod stays the rule; this proves the shortcut never accepts what it refuses.
import { describe, expect, it } from 'vitest';
import { compiledReader, FAST_CALL_KEYS, fastCallRecord, loopReader, readWith } from './fast-call';
import { parseNdjson, validateRecord } from './ndjson';
import { OUTCOMES } from '@/clickhouse/vocabulary';
import { callRecord, describeIssues, ingestRecord } from './schema';
import { mulberry32 } from '@/dialer/pacing/random';

const INSTANT_FORMS = [
  (ms: number) => new Date(ms).toISOString(),
  (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z').replace(/\.\d{3}Z$/, 'Z'),
  (ms: number) => new Date(ms + 7_200_000).toISOString().replace(/\.\d{3}Z$/, '+02:00'),
  (ms: number) => new Date(ms - 18_000_000).toISOString().replace(/\.\d{3}Z$/, '-0500'),
  (ms: number) => new Date(ms).toISOString().replace('T', 't').replace('Z', 'z'),
  (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1456789Z'),
  (ms: number) => new Date(ms - (ms % 60_000)).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z'),
];

/** A valid call of any shape the contract allows, with every optional field sometimes present. */
function validCall(random: () => number, i: number): Record<string, unknown> {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const form = pick(INSTANT_FORMS);
  // Whole seconds, so every instant form names the same millisecond.
  const start = Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365 * 86_400) * 1000;
  const outcome = pick(OUTCOMES);
  const direction = pick(['inbound', 'outbound'] as const);
  const end = start + Math.floor(random() * 3_600) * 1000;
  const call: Record<string, unknown> = { kind: 'call', id: `c-${i}`, campaign: pick(['ACME-IN', 'X', 'c'.repeat(128)]), direction, started_at: form(start), ended_at: form(end), outcome };
  const maybe = (key: string, value: unknown) => { if (random() < 0.5) call[key] = value; };
  if (outcome === 'connected') call.connected_at = form(start + Math.floor((end - start) / 2000) * 1000);
  if (direction === 'outbound') maybe('answered_at', form(start));
  maybe('agent', pick(['A1', '', 'a'.repeat(64)]));
  maybe('contact', pick(['c1', 'x'.repeat(128)]));
  maybe('phone', pick(['+33612345678', '+1234567', '+123456789012345']));
  maybe('hold_seconds', pick([0, 12.5, 86_400]));
  maybe('wrap_seconds', pick([0, 15, 3]));
  maybe('disposition', pick(['sale', '']));
  maybe('converted', random() < 0.5);
  maybe('case_id', 'case-1');
  maybe('resolved', random() < 0.5);
  maybe('rule', 'dnc');
  maybe('recording_path', pick(['2026-03-04/abc_123.wav', `2026-03-04/${'a'.repeat(124)}.wav`]));
  return call;
}

const BROKEN_VALUES: unknown[] = [
  null, 0, -1, 1.5, 86_400.5, 1e9, true, false, '', ' ', 'x'.repeat(65), 'x'.repeat(129), [], {}, ['a'], '5',
  'inbound', 'sideways', 'connected', 'CONNECTED', '+0612345678', '+33 6 12 34 56 78', '+1234', '+1234567890123456',
  '2026-02-30T09:00:00Z', '2025-02-29T09:00:00Z', '2024-02-29T09:00:00Z', '2026-13-01T09:00:00Z', '2026-00-10T09:00:00Z',
  '2026-04-31T09:00:00Z', '2026-01-00T09:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01T09:60:00Z', '2026-01-01 09:00:00',
  '2026-01-01T09:00:00', '2026-01-01T09:00:00+2:00', '0000-02-29T00:00:00Z', '0004-02-29T00:00:00Z', '1900-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z', '2026-01-01T09:00:00.1234567890Z', `2026-01-01T09:00:00.123456789+02:00${' '.repeat(3)}`,
  '1999-01-01T00:00:00Z', '2099-12-31T23:59:59Z', '2026-06-01T00:00:00+14:00',
  '2026-03-04/../x.wav', '../2026-03-04/x.wav', '/2026-03-04/x.wav', '2026-03-04/x.mp3', '2026-03-04/.x.wav', `2026-03-04/${'a'.repeat(125)}.wav`,
];

/** Breaks (or, sometimes, keeps valid) one to three fields of a valid call. */
function mutate(random: () => number, call: Record<string, unknown>): Record<string, unknown> {
  const out = { ...call };
  const keys = [...Object.keys(callRecord.shape), 'extra'];
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const key = keys[Math.floor(random() * keys.length)]!;
    if (random() < 0.2) delete out[key];
    else out[key] = BROKEN_VALUES[Math.floor(random() * BROKEN_VALUES.length)];
  }
  return out;
}

function zodVerdict(value: Record<string, unknown>) {
  const result = callRecord.safeParse(value);
  return result.success ? { record: result.data } : { error: describeIssues(result.error, value) };
}

describe('fastCallRecord', () => {
  it('covers exactly the fields of the schema', () => {
    expect(FAST_CALL_KEYS).toEqual(Object.keys(callRecord.shape));
  });

  it('accepts every valid call and gives zod’s output for it', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 5_000; i++) {
      const call = validCall(random, i);
      const expected = zodVerdict(call);
      expect(expected, JSON.stringify(call)).toHaveProperty('record');
      expect(fastCallRecord(call), JSON.stringify(call)).toStrictEqual((expected as { record: unknown }).record);
    }
  });

  it('reads every call the same with the loop a page forbidding eval uses as with the compiled reader', () => {
    const random = mulberry32(13);
    const compiled = compiledReader()!;
    for (let i = 0; i < 10_000; i++) {
      const call = i % 2 ? validCall(random, i) : mutate(random, validCall(random, i));
      expect(readWith(loopReader, call), JSON.stringify(call)).toStrictEqual(readWith(compiled, call));
    }
  });

  it('agrees with zod on broken calls: never accepts what zod refuses', () => {
    const random = mulberry32(11);
    let refused = 0;
    for (let i = 0; i < 40_000; i++) {
      const call = mutate(random, validCall(random, i));
      const expected = zodVerdict(call);
      const fast = fastCallRecord(call);
      if ('error' in expected) {
        refused++;
        expect(fast, `${JSON.stringify(call)} → ${expected.error}`).toBeUndefined();
      } else {
        expect(fast, JSON.stringify(call)).toStrictEqual(expected.record);
      }
    }
    // The mutations must actually exercise the refusals.
    expect(refused).toBeGreaterThan(25_000);
  });

  it('leaves the error message to zod', () => {
    const call = { kind: 'call', id: 'c', campaign: 'X', direction: 'inbound', started_at: '2026-02-30T09:00:00Z', ended_at: '2026-03-02T09:00:00Z', outcome: 'abandoned' };
    expect(validateRecord(call)).toMatchObject({ error: 'started_at: is not a valid date' });
  });
});

describe('parseNdjson with the fast path', () => {
  it('gives, line by line, what JSON.parse and the zod schema alone give', () => {
    const random = mulberry32(3);
    const lines: string[] = [];
    for (let i = 0; i < 3_000; i++) {
      const call = validCall(random, i);
      const r = random();
      if (r < 0.5) lines.push(JSON.stringify(call));
      else if (r < 0.8) lines.push(JSON.stringify(mutate(random, call)));
      else if (r < 0.85) lines.push(JSON.stringify({ kind: 'survey', id: `s${i}`, campaign: 'X', score: Math.floor(random() * 12), answered_at: '2026-03-02T10:00:00Z' }));
      else if (r < 0.9) lines.push('{broken');
      else if (r < 0.95) lines.push('');
      else lines.push(`  ${JSON.stringify(call)}\r`);
    }
    const reference = { records: [] as { line: number; record: unknown }[], rejected: [] as { line: number; error: string }[] };
    lines.forEach((text, i) => {
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        reference.rejected.push({ line: i + 1, error: 'not valid JSON' });
        return;
      }
      const kind = (value as { kind?: unknown }).kind;
      if (kind !== 'call' && kind !== 'survey') {
        reference.rejected.push({ line: i + 1, error: 'kind: must be one of call, survey, agent_state' });
        return;
      }
      const result = ingestRecord.safeParse(value);
      if (result.success) reference.records.push({ line: i + 1, record: result.data });
      else reference.rejected.push({ line: i + 1, error: describeIssues(result.error, value) });
    });
    expect(parseNdjson(lines.join('\n'))).toStrictEqual(reference);
  });
});
