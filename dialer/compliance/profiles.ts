// The regulatory presets a campaign picks from: France by default, the UK (Ofcom) and the US (TSR).
import { WINDOWS, type CallingWindow } from './calling-window';
import { FRENCH_ATTEMPT_CAP, type AttemptCap } from './attempt-cap';

export interface ComplianceProfile {
  name: 'france' | 'uk' | 'us';
  window: CallingWindow;
  attemptCap: AttemptCap | null;
  abandonCap: number;
  /** Over which period the abandon rate is measured. */
  abandonPeriod: 'campaign_day' | '24h' | '30_days';
  abandonCooldownHours: number;
  /** Maximum age of the do-not-call list. */
  dncMaxAgeDays: number;
}

export const PROFILES: Record<ComplianceProfile['name'], ComplianceProfile> = {
  france: { name: 'france', window: WINDOWS.france, attemptCap: FRENCH_ATTEMPT_CAP, abandonCap: 0.03, abandonPeriod: 'campaign_day', abandonCooldownHours: 72, dncMaxAgeDays: 31 },
  uk: { name: 'uk', window: WINDOWS.uk, attemptCap: null, abandonCap: 0.03, abandonPeriod: '24h', abandonCooldownHours: 72, dncMaxAgeDays: 28 },
  us: { name: 'us', window: WINDOWS.us, attemptCap: null, abandonCap: 0.03, abandonPeriod: '30_days', abandonCooldownHours: 0, dncMaxAgeDays: 31 },
};
