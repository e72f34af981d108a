// Contact files of a campaign: inspect an uploaded file, run the import (or a sample), follow it, list the
// campaign's lists with their reports; and the outsourcer's opt-out lists.
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { workspace } from '@/clickhouse/queries/workspace';
import { canRead } from '@/server/files/access';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS, WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import { fileStorage } from '@/server/files/storage';
import { calendarDay } from '@/server/ingest/instant';
import { campaignProcedure, outsourcerProcedure, roleProcedure, router, type Scope } from '@/server/trpc/init';
import { actorOf } from '@/server/workspace/actor';
import { importProgress, startContactImport } from './import-job';
import { columnMapping, CONSENT_COLUMNS, guessMapping } from './mapping';
import { isStale, loadOptOutList } from './opt-out';
import { previewFile } from './read/rows';
import type { ImportReport } from './report';
import { userError } from '@/server/trpc/user-error';

const COUNTRIES = new Set<string>(getCountries());
const country = z.string().refine((c) => COUNTRIES.has(c), 'Unknown country code').transform((c) => c as CountryCode);
const id = z.string().min(1).max(128);

async function readableFile(ch: Clickhouse, scope: Scope, fileId: string, purpose: 'contacts' | 'opt_out') {
  const file = await workspace.file(ch, fileId);
  if (!file || file.purpose !== purpose || !canRead(scope, file)) throw userError('NOT_FOUND', 'error.noSuch.file');
  return file;
}

async function visibleList(ch: Clickhouse, scope: Scope, listId: string) {
  const list = await contactsSql.list(ch, listId);
  if (!list || !scope.campaignIds.has(list.campaign_id)) throw userError('NOT_FOUND', 'error.noSuch.list');
  return list;
}

const members = roleProcedure(PARTNERSHIP_MEMBERS);
const editors = roleProcedure(WORKSPACE_EDITORS);
const optOutManagers = outsourcerProcedure(CAMPAIGN_MANAGERS, 'error.optOutOutsourcer');

export const contactsRouter = router({
  inspect: editors.input(z.object({ fileId: id })).query(async ({ ctx, input }) => {
    const file = await readableFile(ctx.ch, ctx.scope, input.fileId, 'contacts');
    try {
      const preview = await previewFile(await fileStorage().localPath(file.storage_key), 10);
      return { ...preview, name: file.name, guess: guessMapping(preview.headers) };
    } catch (err) {
      throw userError('BAD_REQUEST', 'error.fileUnreadable', { detail: (err as Error).message });
    }
  }),

  start: campaignProcedure(WORKSPACE_EDITORS)
    .input(z.object({ fileId: id, mapping: columnMapping, defaultCountry: country.default('FR'), sample: z.number().int().min(1).max(10_000).optional() }))
    .mutation(async ({ ctx, input }) => {
      const file = await readableFile(ctx.ch, ctx.scope, input.fileId, 'contacts');
      const { campaign } = ctx;
      // Both ids are in scope; the file must also be of the campaign's partnership.
      if (campaign.partnership_id !== file.partnership_id) throw userError('NOT_FOUND', 'error.noSuch.campaignInPartnership');
      if (campaign.direction !== 'outbound') throw userError('BAD_REQUEST', 'error.outboundLists');
      const { headers } = await previewFile(await fileStorage().localPath(file.storage_key), 0);
      const missing = [input.mapping.phone, input.mapping.firstName, input.mapping.lastName, input.mapping.fullName, input.mapping.email, input.mapping.date, input.mapping.segment,
        ...CONSENT_COLUMNS.map((k) => input.mapping[k]), ...input.mapping.custom]
        .find((c) => c !== undefined && !headers.includes(c));
      if (missing !== undefined) throw userError('BAD_REQUEST', 'error.missingColumn', { column: missing });
      const { listId } = await startContactImport(ctx.ch, fileStorage(), {
        file, campaign, outsourcerOrgId: campaign.outsourcer_org_id, mapping: input.mapping, defaultCountry: input.defaultCountry,
        sample: input.sample, actor: actorOf(ctx.user, ctx.scope), auditActor: ctx.user, clientOrgId: campaign.client_org_id,
      });
      return { listId };
    }),

  progress: members.input(z.object({ listId: id })).query(async ({ ctx, input }) => {
    const list = await visibleList(ctx.ch, ctx.scope, input.listId);
    const live = importProgress(list.id);
    const report = list.report ? (JSON.parse(list.report) as ImportReport) : live?.report ?? null;
    return {
      status: list.status === 'importing' && live?.status === 'done' ? 'ready' : list.status,
      error: list.error || live?.error || '', bytes: live?.bytes ?? 0, totalBytes: live?.totalBytes ?? 0, rows: live?.rows ?? report?.rows_read ?? 0,
      report, rejectedFileId: list.rejected_file_id, contacts: list.contacts,
    };
  }),

  lists: campaignProcedure(PARTNERSHIP_MEMBERS).query(async ({ ctx }) => {
    return (await contactsSql.listsOfCampaigns(ctx.ch, [ctx.campaign.id])).map((l) => ({ ...l, report: l.report ? (JSON.parse(l.report) as ImportReport) : null }));
  }),

  optOutLists: optOutManagers.query(async ({ ctx }) => {
    const now = new Date();
    return (await contactsSql.optOutLists(ctx.ch, ctx.scope.orgId)).map((l, i) => ({ ...l, current: i === 0, stale: isStale(l.list_date, now) }));
  }),

  registerOptOut: optOutManagers
    .input(z.object({ fileId: id, listDate: calendarDay }))
    .mutation(async ({ ctx, input }) => {
      const file = await readableFile(ctx.ch, ctx.scope, input.fileId, 'opt_out');
      const list = await loadOptOutList(ctx.ch, fileStorage(), file, input.listDate, ctx.scope.userId);
      return { id: list.id, numbers: list.numbers, invalid: list.invalid };
    }),
});
