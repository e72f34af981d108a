// A campaign's settings: ONE schema, shared by the portal's form (client-side and in the tRPC procedures) and the
// public `PUT /api/v1/campaigns/{code}`, so the same bad field gets the same refusal. Pure (no I/O): the browser
// imports it. Each zod issue maps to a message key (`fieldIssues`): the portal words it in the user's language
// next to its field, the API keeps the English.
import { z } from 'zod';
import { DIRECTIONS } from '@/clickhouse/vocabulary';
import { MIN_RING_SECONDS } from '@/dialer/compliance/abandon-cap';
import { PROFILE_NAMES } from '@/dialer/compliance/profiles';
import { dialerSettings, DEFAULT_SETTINGS, type DialerSettings } from '@/dialer/runner/settings';
import { CALLER_ID_ENGLISH, callerIdProblem } from './caller-id';

export const CAMPAIGN_DIAL_MODES = ['none', 'preview', 'progressive', 'predictive', 'blended'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'stopped'] as const;
/** Ring timeout of a predictive campaign created without one: the legal minimum (PRODUCT §5). */
export const PREDICTIVE_RING_SECONDS = MIN_RING_SECONDS;

export const campaignCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (at most 64)');

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const disposition = z.object({
  code: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, . _ - only'),
  label: z.string().trim().max(120).default(''),
  /** Counts as a success (conversion rate). */
  success: z.boolean().default(false),
  /** The agent sets a callback. */
  callback: z.boolean().default(false),
  /** The person refused. */
  refusal: z.boolean().default(false),
  /** The person asked not to be called again: the number goes on the do-not-call list. */
  dnc: z.boolean().default(false),
});
export type Disposition = z.infer<typeof disposition>;

const retryRules = dialerSettings.shape.retry;

// What the portal's form needs of the dialer's vocabulary (app/ imports server/, not dialer/).
export { PROFILE_NAMES };
export { ATTEMPT_OUTCOMES } from '@/dialer/hopper/retry-rules';
export const DIALER_DEFAULTS = { retry: DEFAULT_SETTINGS.retry, wrapSeconds: DEFAULT_SETTINGS.wrapSeconds, ringTimeoutSeconds: DEFAULT_SETTINGS.ringTimeoutSeconds };

/** Everything a campaign's settings hold (both the campaigns row and the dialer's settings). */
export const campaignSettingsObject = z.object({
  name: z.string().trim().min(1).max(200),
  direction: z.enum(DIRECTIONS),
  dial_mode: z.enum(CAMPAIGN_DIAL_MODES).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  time_zone: z.string().refine(isTimeZone, { message: 'unknown IANA time zone', params: { i18n: 'timeZone' } }).default('Europe/Paris'),
  sl_threshold_seconds: z.number().int().min(1).max(3600).default(20),
  short_abandon_seconds: z.number().int().min(0).max(600).default(5),
  dispositions: z.array(disposition).max(100).optional(),
  /** Older API callers: the success codes only (becomes a catalogue of success dispositions). */
  success_dispositions: z.array(z.string().min(1).max(64)).max(100).optional(),
  recording: z.boolean().optional(),
  script: z.string().max(50_000).optional(),
  compliance_profile: z.enum(PROFILE_NAMES).optional(),
  ring_timeout_seconds: z.number().min(MIN_RING_SECONDS).max(120).optional(),
  wrap_up_seconds: z.number().min(0).max(600).optional(),
  caller_id: z.string().max(32).nullable().optional(),
  consent_required: z.boolean().optional(),
  retry: retryRules.optional(),
});

/** The cross-field rules: unique disposition codes, the caller ID (its format, no mobile when automated). */
function crossChecks(s: z.infer<typeof campaignSettingsObject>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  s.dispositions?.forEach((d, i) => {
    if (seen.has(d.code)) ctx.addIssue({ code: 'custom', path: ['dispositions', i, 'code'], message: `disposition ${d.code} appears twice`, params: { i18n: 'dispositionTwice' } });
    seen.add(d.code);
  });
  if (s.caller_id) {
    const automated = s.direction === 'outbound' && s.dial_mode !== 'preview';
    const problem = callerIdProblem(s.caller_id, automated);
    if (problem) ctx.addIssue({ code: 'custom', path: ['caller_id'], message: CALLER_ID_ENGLISH[problem], params: { i18n: problem } });
  }
}

export const campaignSettings = campaignSettingsObject.superRefine(crossChecks);
export type CampaignSettings = z.infer<typeof campaignSettings>;
/** As the form holds it before validation. */
export type CampaignSettingsInput = z.input<typeof campaignSettings>;

const fraction = z.number().min(0).max(1);
/** The KPI targets the public PUT may set (the portal sets them in the brief). Absent: unchanged; null: none. */
export const apiTargets = z.object({
  target_service_level: fraction.nullable().optional(),
  sal_target: fraction.nullable().optional(),
  sal_target_hours: z.number().positive().max(24 * 31).nullable().optional(),
  target_conversion_rate: fraction.nullable().optional(),
  target_aht_seconds: z.number().positive().max(36_000).nullable().optional(),
  target_nps: z.number().min(-100).max(100).nullable().optional(),
  target_abandon_rate: fraction.nullable().optional(),
});

/** The body of `PUT /api/v1/campaigns/{code}`: the settings, the client by name, the targets. */
export const campaignInput = campaignSettingsObject
  .extend({
    /** The client organization, by name: found among the outsourcer's partnerships, else created with one. */
    client: z.string().trim().min(1).max(200),
  })
  .extend(apiTargets.shape)
  .superRefine(crossChecks);
export type CampaignInput = z.infer<typeof campaignInput>;

/** The catalogue the settings give: `dispositions`, else the older success codes, else the current one. */
export function catalogueOf(s: Pick<CampaignSettings, 'dispositions' | 'success_dispositions'>, current: Disposition[] = []): Disposition[] {
  if (s.dispositions) return s.dispositions;
  if (s.success_dispositions) return s.success_dispositions.map((code) => ({ code, label: '', success: true, callback: false, refusal: false, dnc: false }));
  return current;
}

/** A stored catalogue (campaigns.dispositions); a campaign saved before 0010 has its success codes only. */
export function storedCatalogue(c: { dispositions: string; success_dispositions: string[] }): Disposition[] {
  if (c.dispositions) return z.array(disposition).parse(JSON.parse(c.dispositions));
  return catalogueOf({ success_dispositions: c.success_dispositions });
}

/** The dialer's part of the settings, over the current ones (absent fields unchanged; a new predictive campaign rings 15 s). */
export function dialerPart(s: CampaignSettings, current: DialerSettings | null): Partial<DialerSettings> {
  const change: Partial<DialerSettings> = {};
  const mode = s.dial_mode ?? (current ? undefined : s.direction === 'inbound' ? undefined : 'progressive');
  if (mode && mode !== 'none') change.mode = mode;
  if (s.compliance_profile) change.profile = s.compliance_profile;
  if (s.ring_timeout_seconds !== undefined) change.ringTimeoutSeconds = s.ring_timeout_seconds;
  else if (!current) change.ringTimeoutSeconds = mode === 'predictive' ? PREDICTIVE_RING_SECONDS : DEFAULT_SETTINGS.ringTimeoutSeconds;
  if (s.wrap_up_seconds !== undefined) change.wrapSeconds = s.wrap_up_seconds;
  if (s.caller_id !== undefined) change.callerId = s.caller_id;
  if (s.consent_required !== undefined) change.consentRequired = s.consent_required;
  if (s.retry) change.retry = s.retry;
  return change;
}

/** A refusal of one field, worded by key (portal) and in English (API). */
export interface FieldIssue {
  /** The field's path, dotted: `ring_timeout_seconds`, `dispositions.2.code`. */
  path: string;
  /** Key under `campaign.invalid.` of app/i18n/campaign-messages.ts. */
  key: 'required' | 'min' | 'max' | 'integer' | 'format' | 'choice' | 'invalid' | 'timeZone' | 'dispositionTwice' | 'callerIdFormat' | 'callerIdMobile';
  vars: Record<string, string>;
  english: string;
}

/** Each zod issue as a field refusal: the same schema gives the same refusal on both sides. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    const base = { path, english: issue.message, vars: {} as Record<string, string> };
    const params = (issue as { params?: { i18n?: FieldIssue['key'] } }).params;
    if (issue.code === 'custom' && params?.i18n) return { ...base, key: params.i18n };
    if (issue.code === 'too_small') {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { ...base, key: 'required' };
      return { ...base, key: 'min', vars: { min: String(issue.minimum) } };
    }
    if (issue.code === 'too_big') return { ...base, key: 'max', vars: { max: String(issue.maximum) } };
    if (issue.code === 'invalid_type') return { ...base, key: issue.expected === 'int' ? 'integer' : 'required' };
    if (issue.code === 'invalid_format') return { ...base, key: 'format' };
    if (issue.code === 'invalid_value') return { ...base, key: 'choice' };
    return { ...base, key: 'invalid' };
  });
}
