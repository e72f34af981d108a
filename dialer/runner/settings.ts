// A campaign's dialer settings: the schema of a complete set, the French defaults, and the part a manager
// changes from the portal (the dialer router's input is picked from this schema, so the two cannot disagree).
import { z } from 'zod';
import { E164_PATTERN } from '@/clickhouse/vocabulary';
import { ABANDON_CAP, MIN_RING_SECONDS } from '@/dialer/compliance/abandon-cap';
import { PROFILE_NAMES } from '@/dialer/compliance/profiles';
import { ATTEMPT_OUTCOMES, DEFAULT_RETRY_RULES, RECYCLABLE_OUTCOMES, type AttemptOutcome } from '@/dialer/hopper/retry-rules';

export const DIAL_MODES = ['preview', 'progressive', 'predictive', 'blended'] as const;
export type DialMode = (typeof DIAL_MODES)[number];
export const RUN_STATUSES = ['stopped', 'running', 'paused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const minutes = z.number().min(0).max(60 * 24 * 90).nullable();

export const dialerSettings = z.object({
  status: z.enum(RUN_STATUSES),
  mode: z.enum(DIAL_MODES),
  profile: z.enum(PROFILE_NAMES),
  /** Calls in progress at most (trunk capacity). */
  maxLines: z.number().int().min(1).max(5000),
  /** A no-answer is declared after this ring time; the law wants at least 15 s. */
  ringTimeoutSeconds: z.number().min(MIN_RING_SECONDS).max(120),
  /** Automatic after-call work when the agent sets no disposition sooner. */
  wrapSeconds: z.number().min(0).max(600),
  /**
   * The longest the message leg lasts, for a person the dialer could not connect: the dialer hangs up just after the
   * recorded message (runner/message-leg.ts), at this bound at the latest; silence this long when there is no relay.
   * 12 s by default: the message (who calls, for whom, a number to call back) takes 8 to 11 s in espeak-ng's voice.
   */
  messageSeconds: z.number().min(1).max(30),
  /** Inbound: a caller waiting longer than this hears the closing message and is released (an abandon). */
  queueTimeoutSeconds: z.number().min(10).max(3600),
  /**
   * The campaign's number: presented on its outbound calls, and the number its customers call in on (or call
   * back). None by default: an outbound campaign cannot dial, nor an inbound line ring, until one is set.
   */
  callerId: z.string().regex(E164_PATTERN, 'must be an E.164 number (+ and 6 to 15 digits)').nullable(),
  /** Dial only contacts with a valid consent record (compliance/consent.ts; France from 11 August 2026). */
  consentRequired: z.boolean(),
  purpose: z.string().max(64),
  /** Calling hours widened for contacts who consented: the rule and its reason are kept. */
  window: z.object({ days: z.array(z.number().int().min(1).max(7)), ranges: z.array(z.tuple([z.number().min(0).max(1440), z.number().min(0).max(1440)])), skipFrenchHolidays: z.boolean(), reason: z.string().max(200) }).nullable(),
  retry: z.object({
    delayMinutes: z.object(Object.fromEntries(ATTEMPT_OUTCOMES.map((o) => [o, minutes])) as Record<AttemptOutcome, typeof minutes>),
    maxAttempts: z.number().int().min(1).max(50),
    recycleOutcomes: z.array(z.enum(RECYCLABLE_OUTCOMES)),
    recycleAfterDays: z.number().min(0).max(365).nullable(),
  }),
});
export type DialerSettings = z.infer<typeof dialerSettings>;

export const DEFAULT_SETTINGS: DialerSettings = dialerSettings.parse({
  status: 'stopped', mode: 'progressive', profile: 'france', maxLines: 100, ringTimeoutSeconds: 25,
  wrapSeconds: 10, messageSeconds: 12, queueTimeoutSeconds: 300, callerId: null, consentRequired: false, purpose: 'canvassing',
  window: null, retry: DEFAULT_RETRY_RULES,
});

/**
 * What a manager changes from the /dialer page: any of these, each checked as in the settings. The pacing's abandon
 * target is not a dialer setting: it is the campaign's abandon target (its brief's), changed here or in the brief.
 */
export const settingsChange = dialerSettings
  .pick({ status: true, mode: true, maxLines: true, wrapSeconds: true, ringTimeoutSeconds: true, queueTimeoutSeconds: true, callerId: true, consentRequired: true, window: true })
  .partial()
  .extend({ abandonTarget: z.number().min(0).max(ABANDON_CAP).optional() });
export type SettingsChange = z.infer<typeof settingsChange>;

/** The defaults with `values` over them, validated: settings saved by an older version get the fields added since. */
export function settingsWith(values: Partial<DialerSettings>): DialerSettings {
  return dialerSettings.parse({ ...DEFAULT_SETTINGS, ...values });
}
