// Durations that keep counting on the page between refreshes: a server's figure at the moment it answered, plus
// the time since the browser received it (the browser's own clock, so a skew between the two clocks never shows).
import { useEffect, useState } from 'react';

/** `seconds` as the server gave it at `receivedAt` (browser ms), counted on to `now` (browser ms). */
export function countedSeconds(seconds: number, receivedAt: number, now: number): number {
  return Math.max(0, Math.floor(seconds + Math.max(0, now - receivedAt) / 1000));
}

/** 0:07, 12:34, 1:02:03. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

/** The browser's clock, read again every `ms`: a component using it re-renders each tick. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
