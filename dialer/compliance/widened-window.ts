// Calling hours widened beyond the profile's (PRODUCT §5: "campaigns whose contacts gave consent may widen the
// window; the rule and its reason are recorded"). Only a campaign that dials consenting contacts only may widen
// them, with a reason a person wrote, and hours that are hours: otherwise the change is refused with its rule.
import type { CallingWindow } from './calling-window';

export interface WidenedWindow extends Omit<CallingWindow, 'holidays'> {
  reason: string;
}

export type WidenedWindowRule = 'window_needs_consent' | 'window_consent_off' | 'window_needs_reason' | 'window_empty' | 'window_ranges';

/** Why `window` may not apply to a campaign with `consentRequired`, or null when it may (a null window always may). */
export function widenedWindowRefusal(window: WidenedWindow | null, consentRequired: boolean): WidenedWindowRule | null {
  if (!window) return null;
  if (!consentRequired) return 'window_needs_consent';
  if (window.reason.trim().length < 3) return 'window_needs_reason';
  if (!window.days.length || !window.ranges.length) return 'window_empty';
  const sorted = [...window.ranges].sort((a, b) => a[0] - b[0]);
  const bad = sorted.some(([start, end], i) => start >= end || (i > 0 && start < sorted[i - 1]![1]));
  return bad ? 'window_ranges' : null;
}

/** As above for a change from `before` to `after`: turning consent off under widened hours names what to undo first. */
export function windowChangeRefusal(before: { consentRequired: boolean }, after: { window: WidenedWindow | null; consentRequired: boolean }): WidenedWindowRule | null {
  const rule = widenedWindowRefusal(after.window, after.consentRequired);
  return rule === 'window_needs_consent' && before.consentRequired ? 'window_consent_off' : rule;
}
