// The ingest service: validated records of one outsourcer → rows in ClickHouse, durable when it returns.
// Used by the public API, the portal's CSV import and the dialer alike.
import type { Clickhouse } from '@/clickhouse/client';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';
import { nextVersion } from '@/clickhouse/version';
import { callRow } from './derive';
import { parseNdjson, type ParsedLine, type Rejection } from './ndjson';
import { eventWriter } from './writer';
import { processSingleton } from '@/server/process-singleton';

export interface IngestResult {
  accepted: number;
  rejected: Rejection[];
}

// Campaign codes are resolved per request from a short-lived cache: provisioning clears it.
const campaignCache = processSingleton('campaign-codes', () => new Map<string, { byCode: Map<string, Campaign>; until: number }>());

export function forgetCampaigns(orgId?: string): void {
  if (orgId) campaignCache.delete(orgId);
  else campaignCache.clear();
}

async function campaignsByCode(ch: Clickhouse, orgId: string): Promise<Map<string, Campaign>> {
  const hit = campaignCache.get(orgId);
  if (hit && hit.until > Date.now()) return hit.byCode;
  const byCode = new Map((await campaignsOfOutsourcer(ch, orgId)).map((c) => [c.code, c]));
  campaignCache.set(orgId, { byCode, until: Date.now() + 5_000 });
  return byCode;
}

export async function ingestRecords(ch: Clickhouse, orgId: string, lines: ParsedLine[], rejected: Rejection[] = []): Promise<IngestResult> {
  const campaigns = await campaignsByCode(ch, orgId);
  const now = Date.now();
  const calls: ReturnType<typeof callRow>[] = [];
  const surveys: ({ campaign_id: string; id: string } & Record<string, unknown>)[] = [];
  const states: object[] = [];
  const refused = [...rejected];
  for (const { line, record } of lines) {
    const code = record.campaign;
    const campaign = code === undefined ? undefined : campaigns.get(code);
    if (code !== undefined && !campaign) {
      refused.push({ line, error: `campaign: unknown campaign code "${code}"` });
      continue;
    }
    if (record.kind === 'call') {
      const rules = { id: campaign!.id, orgId, successDispositions: campaign!.success_dispositions };
      calls.push(callRow(record, rules, nextVersion(now), now));
    } else if (record.kind === 'survey') {
      surveys.push({
        org_id: orgId, campaign_id: campaign!.id, id: record.id, sign: 1, version: nextVersion(now),
        call_id: record.call_id ?? '', agent: record.agent ?? '', score: record.score, comment: record.comment ?? '',
        answered_at: record.answered_at, ingested_at: now,
      });
    } else {
      states.push({ org_id: orgId, agent: record.agent, campaign_id: campaign?.id ?? '', state: record.state, at: record.at, ingested_at: now });
    }
  }
  await eventWriter(ch).write({ calls, surveys, states });
  return { accepted: calls.length + surveys.length + states.length, rejected: refused.sort((a, b) => a.line - b.line) };
}

export function ingestNdjson(ch: Clickhouse, orgId: string, body: string): Promise<IngestResult> {
  const { records, rejected } = parseNdjson(body);
  return ingestRecords(ch, orgId, records, rejected);
}
