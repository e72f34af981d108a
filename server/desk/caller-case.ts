// The inbound card's "case": the caller's earlier calls on the line and the case they are probably calling about
// (the latest case none of whose calls resolved it). Read once per call, since the desk asks for its state every
// second.
import 'server-only';
import type { Clickhouse } from '@/clickhouse/client';
import { callerHistory, type PastCall } from '@/clickhouse/queries/caller-history';
import { processSingleton } from '@/clickhouse/process-singleton';

export interface CallerCase {
  calls: { at: string; outcome: string; disposition: string; agent: string; caseId: string; resolved: boolean | null }[];
  /** The latest case still open: its id, its calls among those shown, the first of them. */
  openCase: { id: string; calls: number; since: string } | null;
}

/** Pure: the case still open among the caller's calls (newest first), if any. */
export function openCaseOf(history: Pick<PastCall, 'case_id' | 'resolved' | 'started_at'>[]): CallerCase['openCase'] {
  const latest = history.find((c) => c.case_id !== '')?.case_id;
  if (!latest) return null;
  const ofCase = history.filter((c) => c.case_id === latest);
  if (ofCase.some((c) => c.resolved === 1)) return null;
  return { id: latest, calls: ofCase.length, since: ofCase[ofCase.length - 1]!.started_at };
}

const TTL_MS = 30 * 60_000;
const cache = () => processSingleton<Map<string, { at: number; value: Promise<CallerCase> }>>('desk-caller-case', () => new Map());

/** The case of the inbound call `callId` from `phone` on the campaign, read once and kept while the call lasts. */
export function callerCase(ch: Clickhouse, campaignId: string, callId: string, phone: string, now = Date.now()): Promise<CallerCase> {
  const entries = cache();
  for (const [k, e] of entries) if (now - e.at > TTL_MS) entries.delete(k);
  const key = `${campaignId}:${callId}`;
  let entry = entries.get(key);
  if (!entry) {
    const value = callerHistory(ch, campaignId, phone, callId).then((history) => ({
      calls: history.map((c) => ({ at: c.started_at, outcome: c.outcome, disposition: c.disposition, agent: c.agent, caseId: c.case_id, resolved: c.resolved === null ? null : c.resolved === 1 })),
      openCase: openCaseOf(history),
    }));
    // A failed read is tried again at the next ask rather than kept.
    value.catch(() => entries.delete(key));
    entries.set(key, (entry = { at: now, value }));
  }
  return entry.value;
}
