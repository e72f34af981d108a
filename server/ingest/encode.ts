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
        this.surveys.push({
          org_id: orgId, campaign_id: campaign!.id, id: record.id, sign: 1, version: this.version++,
          call_id: record.call_id ?? '', agent: record.agent ?? '', score: record.score, comment: record.comment ?? '',
          answered_at: record.answered_at, ingested_at: now,
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
    };
  }
}

export function encodeRecords(lines: ParsedLine[], ctx: EncodeContext, rejected: Rejection[] = []): EncodeResult {
  const encoder = new RecordEncoder(ctx);
  encoder.reject(rejected);
  encoder.add(lines);
  return encoder.result();
}
