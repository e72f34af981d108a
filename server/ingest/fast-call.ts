// Pure: the fast path of `call` lines. zod costs ~5 µs a call line, most of the ingest API's CPU, so a
// line that plainly passes every rule of `callRecord` is checked here with schema.ts's own patterns,
// limits and cross-field rules, giving zod's output; any doubt sends the line to zod, which stays the
// definition (and the author of every error message). fast-call.test.ts checks the two agree.
import { DIRECTIONS, E164_PATTERN, OUTCOMES, RECORDING_PATH_PATTERN } from '@/clickhouse/vocabulary';
import { canonicalInstantMs, INSTANT_MAX_LENGTH, INSTANT_MAX_MS, INSTANT_MIN_MS, INSTANT_PATTERN, instantMs } from './instant';
import { callIssues, LIMITS, type CallRecord } from './schema';

type Field =
  | { type: 'literal'; value: string }
  | { type: 'text'; min: number; max: number }
  | { type: 'pattern'; pattern: RegExp }
  | { type: 'oneOf'; values: readonly string[] }
  | { type: 'instant' }
  | { type: 'seconds' }
  | { type: 'boolean' };

type Spec = Field & { optional?: true };

const text = (max: number, min = 0): Spec => ({ type: 'text', min, max, optional: true });

// Same keys, in the same order, as callRecord's shape (`satisfies` makes a missing one a type error).
const CALL_FIELDS = {
  kind: { type: 'literal', value: 'call' },
  id: { type: 'text', min: 1, max: LIMITS.id },
  campaign: { type: 'text', min: 1, max: LIMITS.id },
  direction: { type: 'oneOf', values: DIRECTIONS },
  agent: text(LIMITS.agent),
  contact: text(LIMITS.contact),
  phone: { type: 'pattern', pattern: E164_PATTERN, optional: true },
  started_at: { type: 'instant' },
  answered_at: { type: 'instant', optional: true },
  connected_at: { type: 'instant', optional: true },
  ended_at: { type: 'instant' },
  // `seconds` defaults to 0 when absent, as the schema's `.default(0)`.
  hold_seconds: { type: 'seconds' },
  wrap_seconds: { type: 'seconds' },
  outcome: { type: 'oneOf', values: OUTCOMES },
  disposition: text(LIMITS.disposition),
  converted: { type: 'boolean', optional: true },
  case_id: text(LIMITS.case_id),
  resolved: { type: 'boolean', optional: true },
  rule: text(LIMITS.rule),
  recording_path: { type: 'pattern', pattern: RECORDING_PATH_PATTERN, optional: true },
} satisfies Record<keyof CallRecord, Spec>;

// Module-local copies: a transpiled import is read through a getter on each use, on the hottest path.
const instantPattern = INSTANT_PATTERN;
const instantMaxLength = INSTANT_MAX_LENGTH;
const maxSeconds = LIMITS.seconds;
const toMs = instantMs;
const canonicalMs = canonicalInstantMs;
const minMs = INSTANT_MIN_MS;
const maxMs = INSTANT_MAX_MS;
const crossFieldIssues = callIssues;

export const FAST_CALL_KEYS = Object.keys(CALL_FIELDS);
// One object shape for every spec keeps the property reads below monomorphic.
const SPECS = Object.values(CALL_FIELDS).map((spec: Spec) => ({ min: 0, max: 0, pattern: /$^/, values: [] as readonly string[], value: '', optional: false, ...spec }));

/** The value to store for one field, or `undefined` when zod must judge it. */
function accept(spec: (typeof SPECS)[number], v: unknown): unknown {
  switch (spec.type) {
    case 'literal':
      return v === spec.value ? v : undefined;
    case 'text':
      return typeof v === 'string' && v.length >= spec.min && v.length <= spec.max ? v : undefined;
    case 'pattern':
      return typeof v === 'string' && spec.pattern.test(v) ? v : undefined;
    case 'oneOf':
      return typeof v === 'string' && spec.values.includes(v) ? v : undefined;
    case 'instant': {
      if (typeof v !== 'string') return undefined;
      // The usual form is read whole without the pattern (it is a case of it).
      const canonical = canonicalMs(v);
      // NaN fails both comparisons: an impossible date and one the storage cannot hold go to zod alike.
      if (canonical !== undefined) return canonical >= minMs && canonical <= maxMs ? canonical : undefined;
      if (v.length > instantMaxLength || !instantPattern.test(v)) return undefined;
      const ms = toMs(v);
      return ms >= minMs && ms <= maxMs ? ms : undefined;
    }
    case 'seconds':
      return typeof v === 'number' && v >= 0 && v <= maxSeconds ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
  }
}

type Reader = (input: Record<string, unknown>, specs: typeof SPECS, check: typeof accept) => Record<string, unknown> | undefined;

// Straight-line code, one block a field, each key a literal: a loop's `input[key]` and `out[key] = v`
// go megamorphic (~5,000 instructions of a call line's ~44,000). Keys are our own constants, entered as JSON literals.
// A browser page that validates CDR rows with this module forbids eval (the portal's Content-Security-Policy):
// there, the loop below reads the same fields the same way, more slowly.
export function compiledReader(): Reader | undefined {
  try {
    return new Function('input', 'specs', 'check', `const out = {};
let v;
${FAST_CALL_KEYS.map((key, i) => {
  const spec = SPECS[i]!;
  const name = JSON.stringify(key);
  const absent = spec.type === 'seconds' ? `out[${name}] = 0;` : spec.optional ? '' : 'return undefined;';
  return `v = input[${name}];
if (v === undefined) { ${absent} } else { v = check(specs[${i}], v); if (v === undefined) return undefined; out[${name}] = v; }`;
}).join('\n')}
return out;`) as Reader;
  } catch {
    return undefined;
  }
}

export const loopReader: Reader = (input, specs, check) => {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < FAST_CALL_KEYS.length; i++) {
    const key = FAST_CALL_KEYS[i]!;
    const spec = specs[i]!;
    let v = input[key];
    if (v === undefined) {
      if (spec.type === 'seconds') out[key] = 0;
      else if (!spec.optional) return undefined;
    } else {
      v = check(spec, v);
      if (v === undefined) return undefined;
      out[key] = v;
    }
  }
  return out;
};

const readFields: Reader = compiledReader() ?? loopReader;

/** One reader's fields of a call line (the tests hold both readers to the same answers). */
export const readWith = (reader: Reader, input: Record<string, unknown>) => reader(input, SPECS, accept);

/** zod's output for a plainly valid call line, or `undefined`: then the line goes to `callRecord`. */
export function fastCallRecord(input: Record<string, unknown>): CallRecord | undefined {
  const call = readFields(input, SPECS, accept) as CallRecord | undefined;
  return call && crossFieldIssues(call).length === 0 ? call : undefined;
}
