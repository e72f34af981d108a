// Synthetic stored calls for benchmarks and load tests: generated inside ClickHouse in slices of a million, through the
// same materialized views as real inserts. Call `number` n of `size` starts at from + n/size of `days`.
import type { Clickhouse } from '@/clickhouse/client';

export interface SyntheticCalls {
  orgId: string;
  /** Four campaign ids: calls go round them, the 1st and 3rd inbound, the 2nd and 4th outbound. */
  campaigns: string[];
  from: number;
  days: number;
  /** Calls wanted in all. */
  size: number;
  /** Calls already loaded by an earlier call with the same spread (0 at first). */
  start?: number;
}

/** Loads calls `start` to `size`; returns `size`. */
export async function loadSyntheticCalls(ch: Clickhouse, spec: SyntheticCalls, onSlice: (loaded: number) => void = () => {}): Promise<number> {
  const slice = 1_000_000;
  for (let start = spec.start ?? 0; start < spec.size; start += slice) {
    const n = Math.min(slice, spec.size - start);
    await ch.command({
      query: `
        INSERT INTO calls
        SELECT {org:String}, {campaigns:Array(String)}[number % 4 + 1], toString(number), 1, 1,
               if(number % 4 IN (0, 2), 'inbound', 'outbound'), concat('A', toString(number % 200)), '', '',
               toDateTime64({t0:Float64}, 3) + toIntervalMillisecond(intDiv(number * {span:UInt64}, {size:UInt64})) AS s,
               if(number % 4 IN (1, 3) AND number % 3 = 0, s + toIntervalSecond(8), NULL),
               if(number % 10 < 8, s + toIntervalSecond(number % 45), NULL),
               s + toIntervalSecond(60 + number % 300), 0, 15,
               if(number % 10 < 8, 'connected', if(number % 4 IN (0, 2), 'abandoned', 'no_answer')),
               '', number % 9 = 0, '', NULL, '', number % 45, if(number % 10 < 8, 60, 0),
               number % 4 IN (1, 3) AND number % 3 = 0, 0, now64(3), ''
        FROM numbers({from:UInt64}, {n:UInt64})`,
      query_params: { org: spec.orgId, campaigns: spec.campaigns, t0: spec.from / 1000, span: spec.days * 86_400_000, size: spec.size, from: start, n },
    });
    onSlice(start + n);
  }
  return spec.size;
}
