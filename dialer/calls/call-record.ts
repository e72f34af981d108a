// The `call` record the dialer writes at the end of each attempt (pure), in the ingest contract's terms.
import { type Direction, type Outcome } from '@/clickhouse/vocabulary';

export interface AttemptFacts {
  id: string;
  campaign: string;
  direction: Direction;
  phone: string;
  contact?: string;
  agent?: string;
  startedAt: number;
  answeredAt?: number;
  connectedAt?: number;
  endedAt: number;
  wrapSeconds?: number;
  /** Time on hold during the conversation (within connected → ended). */
  holdSeconds?: number;
  outcome: Outcome;
  disposition?: string;
  rule?: string;
  /** The call's recording, relative to the recordings dir (`<yyyy-mm-dd>/<name>.wav`), when it was recorded. */
  recordingPath?: string;
}

const iso = (t: number) => new Date(t).toISOString();

/** The record as the API would receive it: it then goes through the same validation as every other. */
export function callRecord(a: AttemptFacts): Record<string, unknown> {
  const connectedAt = a.outcome === 'connected' ? a.connectedAt : undefined;
  // The instants come from different events: a caller hanging up as the bridge completes can end a few ms before
  // "connected" is noted. The record ends no earlier than its last instant, or the contract would refuse it (and
  // the call would be missing from every KPI).
  const endedAt = Math.max(a.endedAt, a.startedAt, a.answeredAt ?? -Infinity, connectedAt ?? -Infinity);
  const record: Record<string, unknown> = {
    kind: 'call', id: a.id, campaign: a.campaign, direction: a.direction,
    started_at: iso(a.startedAt), ended_at: iso(endedAt),
    hold_seconds: connectedAt === undefined ? 0 : Math.round((a.holdSeconds ?? 0) * 1000) / 1000, wrap_seconds: Math.round((a.wrapSeconds ?? 0) * 1000) / 1000, outcome: a.outcome,
  };
  // An inbound caller may withhold their number.
  if (a.phone) record.phone = a.phone;
  if (a.contact) record.contact = a.contact;
  if (a.agent) record.agent = a.agent;
  if (a.answeredAt !== undefined) record.answered_at = iso(a.answeredAt);
  if (connectedAt !== undefined) record.connected_at = iso(connectedAt);
  if (a.disposition) record.disposition = a.disposition;
  if (a.rule) record.rule = a.rule;
  if (a.recordingPath) record.recording_path = a.recordingPath;
  return record;
}
