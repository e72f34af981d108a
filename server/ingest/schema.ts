// The ingest contract of PRODUCT §4 as zod schemas: one validation for the API, CSV imports and the dialer.
import { z } from 'zod';
import { AGENT_STATES, DIRECTIONS, E164_PATTERN, OUTCOMES, type Outcome } from '@/clickhouse/vocabulary';

// Naive timestamps would be read in the server's zone and silently shift calls: an offset or Z is required.
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
export const INSTANT_MAX_LENGTH = 40;

const digits2 = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), any year 0–9999. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const monthDays = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const isDigit = (s: string, at: number) => {
  const c = s.charCodeAt(at);
  return c >= 48 && c <= 57;
};

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z` (what toISOString and most platforms write), computed rather
 * than through Date.parse, which costs about a third of a microsecond and is called ~3 times a call line;
 * `undefined` for any other form, which Date.parse then reads.
 */
export function canonicalInstantMs(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || n > 24 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return undefined;
  for (const at of DIGIT_AT) if (!isDigit(s, at)) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || s[16] !== ':') return undefined;
  let ms = 0;
  if (n > 20) {
    if (s[19] !== '.' || n === 21) return undefined;
    for (let at = 20, scale = 100; at < n - 1; at++, scale /= 10) {
      if (!isDigit(s, at)) return undefined;
      ms += (s.charCodeAt(at) - 48) * scale;
    }
  }
  const year = digits2(s, 0) * 100 + digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  // Hour 24 and the like: left to Date.parse, the definition.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month)) return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Epoch ms of a string that matches INSTANT_PATTERN, or NaN when it names no real date. */
export function instantMs(s: string): number {
  const canonical = canonicalInstantMs(s);
  if (canonical !== undefined) return canonical;
  const ms = Date.parse(s);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  if (Number.isNaN(ms) || month < 1 || month > 12 || day < 1) return NaN;
  // Date.parse rolls 30 February over to March: check the day against the month's length.
  if (day > 28 && day > new Date(Date.UTC(digits2(s, 0) * 100 + digits2(s, 2), month, 0)).getUTCDate()) return NaN;
  return ms;
}

const instant = z
  .string()
  .max(INSTANT_MAX_LENGTH)
  .regex(INSTANT_PATTERN, 'must be an ISO-8601 timestamp with Z or an offset')
  .transform((s, ctx) => {
    const ms = instantMs(s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return ms;
  });

/** Lengths and bounds the schemas below enforce; the fast path of `call` lines (fast-call.ts) reads them too. */
export const LIMITS = { id: 128, agent: 64, contact: 128, disposition: 64, case_id: 128, rule: 64, comment: 4000, seconds: 86_400 } as const;

const id = z.string().min(1).max(LIMITS.id);
const text = (max: number) => z.string().max(max);
const seconds = z.number().min(0).max(LIMITS.seconds).default(0);


interface CallTimes {
  started_at: number;
  answered_at?: number;
  connected_at?: number;
  ended_at: number;
  outcome: Outcome;
}

const within = (t: number | undefined, c: CallTimes) => t === undefined || (t >= c.started_at && t <= c.ended_at);

/** The rules between a call's fields, once each field is valid on its own. */
export function callIssues(c: CallTimes): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (c.ended_at < c.started_at) issues.push({ path: 'ended_at', message: 'must not be before started_at' });
  if (!within(c.answered_at, c)) issues.push({ path: 'answered_at', message: 'must be between started_at and ended_at' });
  if (!within(c.connected_at, c)) issues.push({ path: 'connected_at', message: 'must be between started_at and ended_at' });
  if (c.outcome === 'connected' && c.connected_at === undefined) issues.push({ path: 'connected_at', message: 'is required when outcome is connected' });
  if (c.outcome !== 'connected' && c.connected_at !== undefined) issues.push({ path: 'connected_at', message: `must be absent when outcome is ${c.outcome}` });
  if (c.ended_at - c.started_at > 86_400_000) issues.push({ path: 'ended_at', message: 'a call cannot last more than 24 hours' });
  return issues;
}

export const callRecord = z
  .object({
    kind: z.literal('call'),
    id,
    campaign: id,
    direction: z.enum(DIRECTIONS),
    agent: text(LIMITS.agent).optional(),
    contact: text(LIMITS.contact).optional(),
    phone: z.string().regex(E164_PATTERN, 'must be an E.164 number (+ and 6 to 15 digits)').optional(),
    started_at: instant,
    answered_at: instant.optional(),
    connected_at: instant.optional(),
    ended_at: instant,
    hold_seconds: seconds,
    wrap_seconds: seconds,
    outcome: z.enum(OUTCOMES),
    disposition: text(LIMITS.disposition).optional(),
    converted: z.boolean().optional(),
    case_id: text(LIMITS.case_id).optional(),
    resolved: z.boolean().optional(),
    rule: text(LIMITS.rule).optional(),
  })
  .superRefine((c, ctx) => {
    for (const { path, message } of callIssues(c)) ctx.addIssue({ code: 'custom', path: [path], message });
  });

export const surveyRecord = z.object({
  kind: z.literal('survey'),
  id,
  campaign: id,
  call_id: id.optional(),
  agent: text(LIMITS.agent).optional(),
  score: z.number().int('must be an integer').min(0, 'must be between 0 and 10').max(10, 'must be between 0 and 10'),
  comment: text(LIMITS.comment).optional(),
  answered_at: instant,
});

export const agentStateRecord = z.object({
  kind: z.literal('agent_state'),
  agent: text(LIMITS.agent).min(1),
  campaign: id.optional(),
  state: z.enum(AGENT_STATES),
  at: instant,
});

export const ingestRecord = z.discriminatedUnion('kind', [callRecord, surveyRecord, agentStateRecord]);

export type CallRecord = z.infer<typeof callRecord>;
export type SurveyRecord = z.infer<typeof surveyRecord>;
export type AgentStateRecord = z.infer<typeof agentStateRecord>;
export type IngestRecord = z.infer<typeof ingestRecord>;

/** One line for a person: the first problem, with the field it is about. */
export function describeIssues(error: z.ZodError, input: unknown): string {
  const first = error.issues[0]!;
  const path = first.path.join('.');
  const given = first.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], input);
  const message = first.code !== 'custom' && first.path.length > 0 && given === undefined ? 'is required' : first.message;
  return path ? `${path}: ${message}` : message;
}
