// Pure: turns a validated call record into the stored row, with the measures the KPIs are built from.
import { type Direction, DROP_SECONDS, type Outcome } from '@/clickhouse/vocabulary';

/** A `call` record after validation; instants in epoch milliseconds. */
export interface CallFacts {
  id: string;
  direction: Direction;
  agent?: string;
  contact?: string;
  phone?: string;
  started_at: number;
  answered_at?: number;
  connected_at?: number;
  ended_at: number;
  hold_seconds: number;
  wrap_seconds: number;
  outcome: Outcome;
  disposition?: string;
  converted?: boolean;
  case_id?: string;
  resolved?: boolean;
  rule?: string;
  recording_path?: string;
}

export interface CallRow {
  org_id: string;
  campaign_id: string;
  id: string;
  sign: 1 | -1;
  version: number;
  direction: Direction;
  agent: string;
  contact: string;
  phone: string;
  started_at: number;
  answered_at: number | null;
  connected_at: number | null;
  ended_at: number;
  hold_seconds: number;
  wrap_seconds: number;
  outcome: Outcome;
  disposition: string;
  converted: 0 | 1;
  case_id: string;
  resolved: 0 | 1 | null;
  rule: string;
  /** Relative to the recordings dir; '' when the call was not recorded. */
  recording_path: string;
  queue_seconds: number;
  talk_seconds: number;
  human_answered: 0 | 1;
  dropped: 0 | 1;
  ingested_at: number;
}

export interface CampaignRules {
  id: string;
  orgId: string;
  successDispositions: readonly string[];
}

const seconds = (from: number, to: number) => Math.max(0, (to - from) / 1000);

export function callRow(call: CallFacts, campaign: CampaignRules, version: number, now: number): CallRow {
  const connected = call.connected_at !== undefined;
  // A person answered an outbound call when it was picked up and not by a machine.
  const humanAnswered =
    call.direction === 'outbound' && call.answered_at !== undefined && (call.outcome === 'connected' || call.outcome === 'abandoned');
  const dropped =
    humanAnswered && (!connected || (call.connected_at! - call.answered_at!) / 1000 > DROP_SECONDS);
  const converted = call.converted ?? (call.disposition !== undefined && campaign.successDispositions.includes(call.disposition));
  return {
    org_id: campaign.orgId,
    campaign_id: campaign.id,
    id: call.id,
    sign: 1,
    version,
    direction: call.direction,
    agent: call.agent ?? '',
    contact: call.contact ?? '',
    phone: call.phone ?? '',
    started_at: call.started_at,
    answered_at: call.answered_at ?? null,
    connected_at: call.connected_at ?? null,
    ended_at: call.ended_at,
    hold_seconds: call.hold_seconds,
    wrap_seconds: call.wrap_seconds,
    outcome: call.outcome,
    disposition: call.disposition ?? '',
    converted: converted ? 1 : 0,
    case_id: call.case_id ?? '',
    resolved: call.resolved === undefined ? null : call.resolved ? 1 : 0,
    rule: call.rule ?? '',
    recording_path: call.recording_path ?? '',
    // Inbound: time in queue until an agent took the call, or until the caller gave up.
    queue_seconds: call.direction === 'inbound' ? seconds(call.started_at, call.connected_at ?? call.ended_at) : 0,
    // Talk excludes the hold: connected → ended spans both, and AHT adds hold_seconds back (PRODUCT §4's
    // talk + hold + wrap would count a held minute twice with talk = ended − connected). Never negative.
    talk_seconds: connected ? Math.max(0, seconds(call.connected_at!, call.ended_at) - call.hold_seconds) : 0,
    human_answered: humanAnswered ? 1 : 0,
    dropped: dropped ? 1 : 0,
    ingested_at: now,
  };
}
