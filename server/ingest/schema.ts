// The ingest contract of PRODUCT §4 as zod schemas: one validation for the API, CSV imports and the dialer.
import { z } from 'zod';
import { AGENT_STATES, DIRECTIONS, E164_PATTERN, OUTCOMES, RECORDING_PATH_PATTERN, type Outcome } from '@/clickhouse/vocabulary';
import { instant } from './instant';

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

/** The cross-field rules, by name: the portal words each in the reader's language (app/i18n/import-messages.ts). */
export type CallRule = 'endsBeforeStart' | 'outsideCall' | 'connectedRequired' | 'connectedAbsent' | 'tooLong';

/** The rules between a call's fields, once each field is valid on its own. */
export function callIssues(c: CallTimes): { path: string; rule: CallRule; message: string }[] {
  const issues: { path: string; rule: CallRule; message: string }[] = [];
  if (c.ended_at < c.started_at) issues.push({ path: 'ended_at', rule: 'endsBeforeStart', message: 'must not be before started_at' });
  if (!within(c.answered_at, c)) issues.push({ path: 'answered_at', rule: 'outsideCall', message: 'must be between started_at and ended_at' });
  if (!within(c.connected_at, c)) issues.push({ path: 'connected_at', rule: 'outsideCall', message: 'must be between started_at and ended_at' });
  if (c.outcome === 'connected' && c.connected_at === undefined) issues.push({ path: 'connected_at', rule: 'connectedRequired', message: 'is required when outcome is connected' });
  if (c.outcome !== 'connected' && c.connected_at !== undefined) issues.push({ path: 'connected_at', rule: 'connectedAbsent', message: `must be absent when outcome is ${c.outcome}` });
  if (c.ended_at - c.started_at > 86_400_000) issues.push({ path: 'ended_at', rule: 'tooLong', message: 'a call cannot last more than 24 hours' });
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
    /** The call's recording, relative to the recordings dir (the dialer's; served by GET /api/recordings/{id}). */
    recording_path: z.string().regex(RECORDING_PATH_PATTERN, 'must be a recording path: <yyyy-mm-dd>/<name>.wav').optional(),
  })
  .superRefine((c, ctx) => {
    for (const { path, rule, message } of callIssues(c)) ctx.addIssue({ code: 'custom', path: [path], message, params: { rule } });
  });

/**
 * A survey answer. With a `call_id` it is credited to that call: the call's agent, campaign and case fill what the
 * line leaves out (server/ingest/credit.ts); without one it names its campaign.
 */
export const surveyRecord = z
  .object({
    kind: z.literal('survey'),
    id,
    campaign: id.optional(),
    call_id: id.optional(),
    agent: text(LIMITS.agent).optional(),
    score: z.number().int('must be an integer').min(0, 'must be between 0 and 10').max(10, 'must be between 0 and 10'),
    comment: text(LIMITS.comment).optional(),
    resolved: z.boolean().optional(),
    case_id: text(LIMITS.case_id).optional(),
    answered_at: instant,
  })
  .superRefine((s, ctx) => {
    if (s.campaign === undefined && s.call_id === undefined) ctx.addIssue({ code: 'custom', path: ['campaign'], message: 'is required when call_id is absent' });
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

/**
 * A record's first problem as data, so that a page can word it in its reader's language: the field, what is wrong
 * (`required`, `oneOf` with the allowed values, a named cross-field `rule`, else `invalid`), the value given, and
 * the English sentence API callers get.
 */
export type RecordIssue = {
  field: string;
  value?: string;
  message: string;
} & ({ problem: 'required' } | { problem: 'oneOf'; allowed: string[] } | { problem: 'rule'; rule: CallRule } | { problem: 'invalid' });

export function recordIssue(error: z.ZodError, input: unknown): RecordIssue {
  const first = error.issues[0]!;
  const field = first.path.join('.');
  const given = first.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], input);
  const value = given === undefined || given === null ? undefined : String(given);
  if (first.code !== 'custom' && first.path.length > 0 && given === undefined) return { field, problem: 'required', message: 'is required' };
  if (first.code === 'invalid_value' && first.values.every((v) => typeof v === 'string')) {
    return { field, value, problem: 'oneOf', allowed: first.values as string[], message: first.message };
  }
  const rule = first.code === 'custom' ? (first.params as { rule?: CallRule } | undefined)?.rule : undefined;
  if (rule) return { field, value, problem: 'rule', rule, message: first.message };
  return { field, value, problem: 'invalid', message: first.message };
}

/** One line for a person: the first problem, with the field it is about (the API's words, in English). */
export function describeIssues(error: z.ZodError, input: unknown): string {
  const { field, message } = recordIssue(error, input);
  return field ? `${field}: ${message}` : message;
}
