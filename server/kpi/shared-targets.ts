// The targets a figure spanning several campaigns is read against (the agent comparison).
import { TARGET_KEYS, type Targets } from '@/clickhouse/queries/targets';

/**
 * The targets every one of these campaigns has, at the same value: a figure spanning campaigns (an agent who took
 * calls on several) is read against a target only when no campaign of the span asks for another.
 */
export function sharedTargets(each: Targets[]): Targets {
  const out = {} as Targets;
  for (const key of TARGET_KEYS) {
    const values = new Set(each.map((t) => t[key]));
    const [only] = values;
    out[key] = values.size === 1 && only !== undefined ? only : null;
  }
  return out;
}
