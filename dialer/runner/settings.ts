// A campaign's dialer settings: what a manager changes from the portal, with the French defaults.
import { z } from 'zod';
import { E164_PATTERN } from '@/clickhouse/vocabulary';
import { DEFAULT_RETRY_RULES } from '@/dialer/hopper/retry-rules';

export const DIAL_MODES = ['preview', 'progressive', 'predictive', 'blended'] as const;
export type DialMode = (typeof DIAL_MODES)[number];
export const RUN_STATUSES = ['stopped', 'running', 'paused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const minutes = z.number().min(0).max(60 * 24 * 90).nullable();

export const dialerSettings = z.object({
  status: z.enum(RUN_STATUSES).default('stopped'),
  mode: z.enum(DIAL_MODES).default('progressive'),
  /** The pacing target: dropped ÷ human-answered the predictive pacing aims under (never above the cap). */
  abandonTarget: z.number().min(0).max(0.03).default(0.03),
  profile: z.enum(['france', 'uk', 'us']).default('france'),
  /** Calls in progress at most (trunk capacity). */
  maxLines: z.number().int().min(1).max(5000).default(100),
  /** A no-answer is declared after this ring time; the law wants at least 15 s. */
  ringTimeoutSeconds: z.number().min(15).max(120).default(25),
  /** Automatic after-call work when the agent sets no disposition sooner. */
  wrapSeconds: z.number().min(0).max(600).default(10),
  /** Length of the recorded message played to a person the dialer could not connect. */
  messageSeconds: z.number().min(1).max(30).default(5),
  /** Inbound: a caller waiting longer than this hears the closing message and is released (an abandon). */
  queueTimeoutSeconds: z.number().min(10).max(3600).default(300),
  /**
   * The campaign's number: presented on its outbound calls, and the number its customers call in on (or call
   * back). None by default: an outbound campaign cannot dial, nor an inbound line ring, until one is set.
   */
  callerId: z.string().regex(E164_PATTERN, 'must be an E.164 number (+ and 6 to 15 digits)').nullable().default(null),
  consentRequired: z.boolean().default(false),
  purpose: z.string().max(64).default('canvassing'),
  /** Calling hours widened for contacts who consented: the rule and its reason are kept. */
  window: z.object({ days: z.array(z.number().int().min(1).max(7)), ranges: z.array(z.tuple([z.number().min(0).max(1440), z.number().min(0).max(1440)])), skipFrenchHolidays: z.boolean(), reason: z.string().max(200) }).nullable().default(null),
  retry: z.object({
    delayMinutes: z.object({ busy: minutes, no_answer: minutes, failed: minutes, voicemail: minutes, abandoned: minutes, connected: minutes }),
    maxAttempts: z.number().int().min(1).max(50),
    recycleOutcomes: z.array(z.enum(['no_answer', 'busy', 'voicemail', 'failed'])),
    recycleAfterDays: z.number().min(0).max(365).nullable(),
  }).default(DEFAULT_RETRY_RULES as never),
});
export type DialerSettings = z.infer<typeof dialerSettings>;

export const DEFAULT_SETTINGS: DialerSettings = dialerSettings.parse({});
