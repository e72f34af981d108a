// The compliance profiles' calling hours and the widened-hours rule, for the /dialer page (app/ reads dialer code
// through server/): one definition, the one the dialer enforces.
export { WINDOWS } from '@/dialer/compliance/calling-window';
export { widenedWindowRefusal, type WidenedWindow } from '@/dialer/compliance/widened-window';
