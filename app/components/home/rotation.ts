'use client';
// The wallboard's rotation across campaigns: `?rotate=N` seconds per campaign, none when absent or not a number.
import { useEffect, useState } from 'react';

/** Seconds per campaign from the URL's `rotate`, kept within 3 s–10 min; null: show every campaign at once. */
export function rotationSeconds(param: string | null): number | null {
  const n = Number(param);
  if (!param || !Number.isFinite(n) || n <= 0) return null;
  return Math.min(600, Math.max(3, Math.round(n)));
}

/** The index of the campaign shown now, moving on every `seconds`; 0 without rotation. */
export function useRotation(seconds: number | null, count: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!seconds || count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds, count]);
  // A campaign gone since (the list shrank) does not leave the screen empty.
  return count ? index % count : 0;
}
