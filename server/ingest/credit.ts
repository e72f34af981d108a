// Crediting surveys to their call (PRODUCT §7): a survey line naming a `call_id` but leaving out its campaign, agent
// or case takes them from the stored call of the same outsourcer. The encoder sets such lines aside on its first
// pass (it runs in the parse workers, without I/O); this looks the calls up and encodes them a second time.
import 'server-only';
import type { Clickhouse } from '@/clickhouse/client';
import { callsForCredit } from '@/clickhouse/queries/surveys';
import { reserveVersions } from '@/clickhouse/version';
import { encodeRecords, type CreditCall, type EncodeContext, type EncodeResult } from './encode';
import { joinResults } from './parse-pool';

export async function creditSurveys(ch: Clickhouse, ctx: EncodeContext, first: EncodeResult): Promise<EncodeResult> {
  if (first.uncredited.length === 0) return first;
  const ids = [...new Set(first.uncredited.map((l) => (l.record as { call_id: string }).call_id))];
  const calls = new Map<string, CreditCall[]>();
  for (const c of await callsForCredit(ch, ctx.orgId, ids)) calls.set(c.id, [...(calls.get(c.id) ?? []), c]);
  const credited = encodeRecords(first.uncredited, { ...ctx, calls, firstVersion: reserveVersions(first.uncredited.length, ctx.now) });
  return joinResults([{ ...first, uncredited: [] }, credited]);
}
