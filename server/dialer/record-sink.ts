// The portal's record sink for its dialer: the dialer's `call` and `agent_state` records go through the ingest
// contract's validation and the ingest service like any API caller's, and its queue changes reach the live bus.
import type { Clickhouse } from '@/clickhouse/client';
import type { RecordSink } from '@/dialer/records/record-sink';
import { validateRecord, type ParsedLine } from '@/server/ingest/ndjson';
import { ingestRecords } from '@/server/ingest/service';
import { notifyCampaignsChanged } from '@/server/live/bus';

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
      return [...refused, ...result.rejected.map((r) => ({ index: r.line - 1, error: r.error }))];
    },
    changed: (campaignIds) => notifyCampaignsChanged(campaignIds),
  };
}
