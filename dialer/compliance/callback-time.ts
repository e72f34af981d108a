// A callback's time, checked against the contact's calling hours (every one of its zones must allow it) when the
// agent sets it, with the first time that would be allowed when it is not. Pure.
import { inCallingWindow, nextAllowedInstant, type CallingWindow } from './calling-window';

export type CallbackVerdict = { allowed: true } | { allowed: false; next: number | null };

export function checkCallbackTime(at: number, zones: readonly string[], window: CallingWindow): CallbackVerdict {
  if (zones.every((z) => inCallingWindow(at, z, window).allowed)) return { allowed: true };
  let t = at;
  // Each zone's next opening, until one instant suits them all (a few rounds at most across neighbouring zones).
  for (let round = 0; round < 20; round++) {
    const next = zones.map((z) => nextAllowedInstant(t, z, window));
    if (next.some((n) => n === null)) return { allowed: false, next: null };
    const latest = Math.max(...(next as number[]));
    if (zones.every((z) => inCallingWindow(latest, z, window).allowed)) return { allowed: false, next: latest };
    t = latest;
  }
  return { allowed: false, next: null };
}
