// The ingest service: validated records of one outsourcer → rows in ClickHouse, durable when it returns.
// Used by the public API, the portal's CSV import and the dialer alike.
import 'server-only';
import type { Clickhouse } from '@/clickhouse/client';
import { eventColumns } from '@/clickhouse/queries/events';
import { campaignsByCode } from '@/clickhouse/queries/tenancy';
import { reserveVersions } from '@/clickhouse/version';
import { creditSurveys } from './credit';
import { encodeRecords, type EncodeContext, type EncodeResult, type SurveySource } from './encode';
import type { ParsedLine, Rejection } from './ndjson';
import { parsePool } from './parse-pool';
import { eventWriter } from './writer';

export interface IngestResult {
  accepted: number;
  rejected: Rejection[];
}

/** What encoding needs, for a request of at most `lines` lines. */
async function encodeContext(ch: Clickhouse, orgId: string, lines: number): Promise<EncodeContext> {
  const [byCode, calls, surveys, states] = await Promise.all([
    campaignsByCode(ch, orgId), eventColumns(ch, 'calls'), eventColumns(ch, 'surveys'), eventColumns(ch, 'agent_states'),
  ]);
  const campaigns = new Map([...byCode].map(([code, c]) => [code, { id: c.id, success_dispositions: c.success_dispositions }]));
  const now = Date.now();
  return { orgId, campaigns, columns: { calls, surveys, agent_states: states }, firstVersion: reserveVersions(lines, now), now };
}

async function store(ch: Clickhouse, { batch, accepted, rejected }: EncodeResult): Promise<IngestResult> {
  await eventWriter(ch).write(batch);
  return { accepted, rejected };
}

/** Who collected the surveys of a request, and in which language (Relais's own page says; the API does not). */
export interface SurveyOrigin { source: SurveySource; language: string }

export async function ingestRecords(ch: Clickhouse, orgId: string, lines: ParsedLine[], rejected: Rejection[] = [], origin?: SurveyOrigin): Promise<IngestResult> {
  const ctx = { ...(await encodeContext(ch, orgId, lines.length)), ...origin };
  return store(ch, await creditSurveys(ch, ctx, encodeRecords(lines, ctx, rejected)));
}

function countLines(body: string): number {
  let n = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/** An NDJSON body: parsed, validated and encoded by the parse pool's workers. */
export async function ingestNdjson(ch: Clickhouse, orgId: string, body: string): Promise<IngestResult> {
  const ctx = await encodeContext(ch, orgId, countLines(body));
  return store(ch, await creditSurveys(ch, ctx, await parsePool().run(body, ctx)));
}
