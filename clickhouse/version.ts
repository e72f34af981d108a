// Row versions for ReplacingMergeTree tables: microseconds since the epoch, strictly increasing per process.
let last = 0;

export function nextVersion(now = Date.now()): number {
  // Microseconds stay below 2^53 until the year 2255, so a JS number holds them exactly.
  last = Math.max(now * 1000, last + 1);
  return last;
}

/** The first of `n` consecutive versions, none of which `nextVersion` will hand out again. */
export function reserveVersions(n: number, now = Date.now()): number {
  const first = nextVersion(now);
  last = first + Math.max(0, n - 1);
  return first;
}
