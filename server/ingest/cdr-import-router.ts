// The portal's CSV import of CDRs: the browser sends mapped rows in chunks; each row goes through the
// same validation and ingest service as the public API.
import { z } from 'zod';
import { outsourcerCampaignProcedure, router } from '@/server/trpc/init';
import { CDR_FIELDS, cdrRecord, type CdrField } from './csv-cdr';
import type { ParsedLine, Rejection } from './ndjson';
import { ingestRecords } from './service';
import type { RecordIssue } from './schema';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

export const MAX_ROWS_PER_CHUNK = 5_000;

const cells = z.partialRecord(z.enum(CDR_FIELDS), z.string().max(1_000));

export const cdrImportRouter = router({
  chunk: outsourcerCampaignProcedure(CAMPAIGN_MANAGERS, 'error.cdrImportOutsourcer')
    .input(z.object({
      timeZone: z.string().max(64),
      /** File line of the first row (the header is line 1). */
      firstLine: z.number().int().min(1),
      rows: z.array(cells).max(MAX_ROWS_PER_CHUNK),
    }))
    .mutation(async ({ ctx, input }) => {
      const { campaign } = ctx;
      const records: ParsedLine[] = [];
      const rejected: Rejection[] = [];
      // The page words each rejection in its reader's language from the issue; `error` stays the API's English.
      const issues = new Map<number, RecordIssue>();
      input.rows.forEach((row, i) => {
        const line = input.firstLine + i;
        const result = cdrRecord(row as Partial<Record<CdrField, string>>, campaign.code, input.timeZone);
        if ('error' in result) {
          rejected.push({ line, error: result.error });
          if (result.issue) issues.set(line, result.issue);
        } else records.push({ line, record: result.record });
      });
      const result = await ingestRecords(ctx.ch, campaign.outsourcer_org_id, records, rejected);
      return { ...result, rejected: result.rejected.map((r) => ({ ...r, issue: issues.get(r.line) })) };
    }),
});
