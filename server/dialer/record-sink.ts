// The portal's record sink for its dialer: the dialer's `call` and `agent_state` records go through the ingest
// contract's validation and the ingest service like any API caller's, and its queue changes reach the live bus.
// Each connected call it stores gets its survey link (server/surveys/links.ts).
import type { Clickhouse } from '@/clickhouse/client';
import type { RecordSink } from '@/dialer/records/record-sink';
import { validateRecord, type ParsedLine } from '@/server/ingest/ndjson';
import { ingestRecords } from '@/server/ingest/service';
import { notifyCampaignsChanged } from '@/server/live/bus';
import { createSurveyTokens } from '@/server/surveys/links';

export function ingestSink(ch: Clickhouse): RecordSink {
  return {
    async write(orgId, records) {
      const refused: { index: number; error: string }[] = [];
      const lines: ParsedLine[] = [];
      records.forEach((record, index) => {
        const v = validateRecord(record);
        if ('error' in v) refused.push({ index, error: v.error });
        else lines.push({ line: index + 1, record: v.record });
      });
      const result = await ingestRecords(ch, orgId, lines);
      const rejected = [...refused, ...result.rejected.map((r) => ({ index: r.line - 1, error: r.error }))];
      const refusedAt = new Set(rejected.map((r) => r.index));
      // The call is stored whatever happens to its link: a link not made is logged, never a lost call.
      await createSurveyTokens(ch, orgId, records.filter((_, i) => !refusedAt.has(i)) as Record<string, unknown>[])
        .catch((err: Error) => console.error(`Surveys: links of ${records.length} dialer records not created: ${err.message}`));
      return rejected;
    },
    changed: (campaignIds) => notifyCampaignsChanged(campaignIds),
  };
}
