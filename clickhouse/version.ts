// Row versions for ReplacingMergeTree tables: microseconds since the epoch, strictly increasing per process.
let last = 0;

export function nextVersion(now = Date.now()): number {
  // Microseconds stay below 2^53 until the year 2255, so a JS number holds them exactly.
  last = Math.max(now * 1000, last + 1);
  return last;
}
