// Pure: validated records of one outsourcer → the rows to store, built column by column. Runs in the
// parse workers for the API and in process for the dialer and CSV imports; the writer takes its output.
import { ColumnBuilder } from '../../clickhouse/column-builder';
import type { ColumnBatch, ColumnSpec } from '../../clickhouse/columns';
import { callRow } from './derive';
import { keyHash } from './key-filter';
import type { ParsedLine, Rejection } from './ndjson';

export type EventTable = 'calls' | 'surveys' | 'agent_states';

/** What encoding needs to know of the organization and the tables. */
export interface EncodeContext {
  orgId: string;
  /** Campaign code → what the rows need of it. */
  campaigns: Map<string, { id: string; success_dispositions: readonly string[] }>;
  columns: Record<EventTable, readonly ColumnSpec[]>;
  /** Rows get versions firstVersion, firstVersion + 1, … in line order (see `reserveVersions`). */
  firstVersion: number;
  now: number;
  /**
   * The stored calls named by survey lines that leave out their campaign, agent or case (server/ingest/credit.ts):
   * given on the second pass only. Without it such lines are set aside in `uncredited` for the service to look up.
   * Keyed by call id; a call id is unique per campaign only, so an id may name a call in several campaigns.
   */
  calls?: ReadonlyMap<string, readonly CreditCall[]>;
  /** Who collected the surveys: the client's tool through the API (default) or Relais's own page. */
  source?: SurveySource;
  /** The language the surveys were answered in ('' when unknown: the API does not say). */
  language?: string;
}

export type SurveySource = 'api' | 'relais';

/** What a survey takes of its call. */
export interface CreditCall {
  campaign_id: string;
  agent: string;
  case_id: string;
}

/**
 * One table's rows of a request: a queued request then holds a few strings and typed arrays rather than
 * thousands of row objects, which the garbage collector would copy while the request waits for the engine.
 */
export interface EncodedRows {
  /** The rows, in the table's columns (its buffers move between threads without a copy). */
  rows: ColumnBatch;
  /** The key hash (key-filter.ts) of each line, in order; empty for agent states. */
  hashes: Uint32Array;
  /** The keys (`campaign id NUL id`) of the lines as a JSON array, read only for the few lines whose key the writer needs. */
  keys: string;
  /** Distinct campaign ids, for the live dashboards' push. */
  campaigns: string[];
}

export type EncodedBatch = Record<EventTable, EncodedRows>;

export interface EncodeResult {
  batch: EncodedBatch;
  accepted: number;
  rejected: Rejection[];
  /** Survey lines waiting for their call's facts (first pass only). */
  uncredited: ParsedLine[];
}

class Rows {
  private hashes: number[] = [];
  private keys: string[] = [];
  private campaigns = new Set<string>();
  private readonly builder: ColumnBuilder;

  constructor(columns: readonly ColumnSpec[]) {
    this.builder = new ColumnBuilder(columns);
  }

  push<Row extends { campaign_id: string; id?: string }>(row: Row): void {
    this.builder.add(row);
    if (row.id !== undefined) {
      this.hashes.push(keyHash(row.campaign_id, row.id));
      this.keys.push(`${row.campaign_id}\u0000${row.id}`);
    }
    if (row.campaign_id) this.campaigns.add(row.campaign_id);
  }

  get size(): number {
    return this.builder.rows;
  }

  done(): EncodedRows {
    return { rows: this.builder.done(), hashes: Uint32Array.from(this.hashes), keys: JSON.stringify(this.keys), campaigns: [...this.campaigns] };
  }
}

/**
 * Records of one request, encoded as they come, in line order: a parse worker hands it a slice of lines at a
 * time, so the slice's record objects die young (a whole body's objects would outlive several scavenges).
 */
export class RecordEncoder {
  private readonly calls: Rows;
  private readonly surveys: Rows;
  private readonly states: Rows;
  private readonly refused: Rejection[] = [];
  private readonly uncredited: ParsedLine[] = [];
  private version: number;

  constructor(private readonly ctx: EncodeContext) {
    this.calls = new Rows(ctx.columns.calls);
    this.surveys = new Rows(ctx.columns.surveys);
    this.states = new Rows(ctx.columns.agent_states);
    this.version = ctx.firstVersion;
  }

  reject(rejected: readonly Rejection[]): void {
    for (const r of rejected) this.refused.push(r);
  }

  add(lines: readonly ParsedLine[]): void {
    const { orgId, now, campaigns } = this.ctx;
    for (const { line, record } of lines) {
      const code = record.campaign;
      const campaign = code === undefined ? undefined : campaigns.get(code);
      if (code !== undefined && !campaign) {
        this.refused.push({ line, error: `campaign: unknown campaign code "${code}"` });
        continue;
      }
      if (record.kind === 'call') {
        this.calls.push(callRow(record, { id: campaign!.id, orgId, successDispositions: campaign!.success_dispositions }, this.version++, now));
      } else if (record.kind === 'survey') {
        const needsCall = record.call_id !== undefined && (campaign === undefined || !record.agent || record.case_id === undefined);
        if (needsCall && !this.ctx.calls) {
          this.uncredited.push({ line, record });
          continue;
        }
        // The survey's campaign, when named, picks its call (ids are unique per campaign); else the id must name one call.
        const named = needsCall ? this.ctx.calls!.get(record.call_id!) ?? [] : [];
        const candidates = campaign ? named.filter((c) => c.campaign_id === campaign.id) : named;
        if (!campaign && candidates.length !== 1) {
          const error = candidates.length === 0 ? `call_id: unknown call "${record.call_id}" (name its campaign)` : `call_id: calls of several campaigns have the id "${record.call_id}" (name its campaign)`;
          this.refused.push({ line, error });
          continue;
        }
        const call = candidates[0];
        this.surveys.push({
          org_id: orgId, campaign_id: campaign?.id ?? call!.campaign_id, id: record.id, sign: 1, version: this.version++,
          call_id: record.call_id ?? '', agent: record.agent || call?.agent || '', score: record.score, comment: record.comment ?? '',
          answered_at: record.answered_at, ingested_at: now,
          resolved: record.resolved === undefined ? null : Number(record.resolved), case_id: record.case_id ?? call?.case_id ?? '',
          source: this.ctx.source ?? 'api', language: this.ctx.language ?? '',
        });
      } else {
        this.states.push({ org_id: orgId, agent: record.agent, campaign_id: campaign?.id ?? '', state: record.state, at: record.at, ingested_at: now });
      }
    }
  }

  result(): EncodeResult {
    return {
      batch: { calls: this.calls.done(), surveys: this.surveys.done(), agent_states: this.states.done() },
      accepted: this.calls.size + this.surveys.size + this.states.size,
      rejected: this.refused.sort((a, b) => a.line - b.line),
      uncredited: this.uncredited,
    };
  }
}

export function encodeRecords(lines: ParsedLine[], ctx: EncodeContext, rejected: Rejection[] = []): EncodeResult {
  const encoder = new RecordEncoder(ctx);
  encoder.reject(rejected);
  encoder.add(lines);
  return encoder.result();
}
