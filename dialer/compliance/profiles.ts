// The regulatory presets a campaign picks from: France by default, the UK (Ofcom) and the US (TSR).
import { WINDOWS, type CallingWindow } from './calling-window';
import type { AbandonPeriod } from './abandon-period';
import { FRENCH_ATTEMPT_CAP, type AttemptCap } from './attempt-cap';

export const PROFILE_NAMES = ['france', 'uk', 'us'] as const;

export interface ComplianceProfile {
  name: (typeof PROFILE_NAMES)[number];
  window: CallingWindow;
  attemptCap: AttemptCap | null;
  /** Over which period the abandon rate is measured (the runner's tally keeps exactly that period). */
  abandonPeriod: AbandonPeriod;
  abandonCooldownHours: number;
  /** Maximum age of the do-not-call list. */
  dncMaxAgeDays: number;
}

export const PROFILES: Record<ComplianceProfile['name'], ComplianceProfile> = {
  france: { name: 'france', window: WINDOWS.france, attemptCap: FRENCH_ATTEMPT_CAP, abandonPeriod: 'campaign_day', abandonCooldownHours: 72, dncMaxAgeDays: 31 },
  uk: { name: 'uk', window: WINDOWS.uk, attemptCap: null, abandonPeriod: '24h', abandonCooldownHours: 72, dncMaxAgeDays: 28 },
  us: { name: 'us', window: WINDOWS.us, attemptCap: null, abandonPeriod: '30_days', abandonCooldownHours: 0, dncMaxAgeDays: 31 },
};
