import { describe, expect, it } from 'vitest';
import { windowChangeRefusal, widenedWindowRefusal, type WidenedWindow } from './widened-window';

const everyDay: WidenedWindow = { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[480, 720], [780, 1260]], skipFrenchHolidays: false, reason: 'Consentement écrit (formulaire web)' };

describe('widened calling hours', () => {
  it('may always go back to the profile’s hours', () => {
    expect(widenedWindowRefusal(null, false)).toBeNull();
  });
  it('are allowed only to a campaign that dials consenting contacts only', () => {
    expect(widenedWindowRefusal(everyDay, false)).toBe('window_needs_consent');
    expect(widenedWindowRefusal(everyDay, true)).toBeNull();
  });
  it('need a reason a person wrote', () => {
    expect(widenedWindowRefusal({ ...everyDay, reason: '  ' }, true)).toBe('window_needs_reason');
  });
  it('need at least a day and an hour range', () => {
    expect(widenedWindowRefusal({ ...everyDay, days: [] }, true)).toBe('window_empty');
    expect(widenedWindowRefusal({ ...everyDay, ranges: [] }, true)).toBe('window_empty');
  });
  it('refuse a range that ends before it starts, or overlaps another', () => {
    expect(widenedWindowRefusal({ ...everyDay, ranges: [[720, 600]] }, true)).toBe('window_ranges');
    expect(widenedWindowRefusal({ ...everyDay, ranges: [[480, 800], [780, 1260]] }, true)).toBe('window_ranges');
    expect(widenedWindowRefusal({ ...everyDay, ranges: [[0, 1440]] }, true)).toBeNull();
  });
  it('name what to undo when consent is turned off under widened hours', () => {
    expect(windowChangeRefusal({ consentRequired: true }, { window: everyDay, consentRequired: false })).toBe('window_consent_off');
    expect(windowChangeRefusal({ consentRequired: false }, { window: everyDay, consentRequired: false })).toBe('window_needs_consent');
    expect(windowChangeRefusal({ consentRequired: true }, { window: null, consentRequired: false })).toBeNull();
  });
});
