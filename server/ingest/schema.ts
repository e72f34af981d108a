// The ingest contract of PRODUCT §4 as zod schemas: one validation for the API, CSV imports and the dialer.
import { z } from 'zod';

// Naive timestamps would be read in the server's zone and silently shift calls: an offset or Z is required.
const instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i, 'must be an ISO-8601 timestamp with Z or an offset')
  .transform((s, ctx) => {
    const ms = Date.parse(s);
    // Date.parse rolls 30 February over to March: check the day against the month's length.
    const [year, month, day] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (Number.isNaN(ms) || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return ms;
  });

const id = z.string().min(1).max(128);
const text = (max: number) => z.string().max(max);
const seconds = z.number().min(0).max(86_400).default(0);

export const OUTCOMES = ['connected', 'no_answer', 'busy', 'failed', 'voicemail', 'abandoned', 'rejected_compliance'] as const;
export const AGENT_STATES = ['offline', 'available', 'ringing', 'on_call', 'wrapup', 'paused'] as const;

export const callRecord = z
  .object({
    kind: z.literal('call'),
    id,
    campaign: id,
    direction: z.enum(['inbound', 'outbound']),
    agent: text(64).optional(),
    contact: text(128).optional(),
    phone: z.string().regex(/^\+[1-9]\d{5,14}$/, 'must be an E.164 number (+ and 6 to 15 digits)').optional(),
    started_at: instant,
    answered_at: instant.optional(),
    connected_at: instant.optional(),
    ended_at: instant,
    hold_seconds: seconds,
    wrap_seconds: seconds,
    outcome: z.enum(OUTCOMES),
    disposition: text(64).optional(),
    converted: z.boolean().optional(),
    case_id: text(128).optional(),
    resolved: z.boolean().optional(),
    rule: text(64).optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.ended_at < c.started_at) issue('ended_at', 'must not be before started_at');
    for (const key of ['answered_at', 'connected_at'] as const) {
      const t = c[key];
      if (t !== undefined && (t < c.started_at || t > c.ended_at)) issue(key, 'must be between started_at and ended_at');
    }
    if (c.outcome === 'connected' && c.connected_at === undefined) issue('connected_at', 'is required when outcome is connected');
    if (c.outcome !== 'connected' && c.connected_at !== undefined) issue('connected_at', `must be absent when outcome is ${c.outcome}`);
    if (c.ended_at - c.started_at > 86_400_000) issue('ended_at', 'a call cannot last more than 24 hours');
  });

export const surveyRecord = z.object({
  kind: z.literal('survey'),
  id,
  campaign: id,
  call_id: id.optional(),
  agent: text(64).optional(),
  score: z.number().int('must be an integer').min(0, 'must be between 0 and 10').max(10, 'must be between 0 and 10'),
  comment: text(4000).optional(),
  answered_at: instant,
});

export const agentStateRecord = z.object({
  kind: z.literal('agent_state'),
  agent: text(64).min(1),
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
