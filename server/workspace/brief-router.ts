// The brief: objectives with the KPI targets, technical scope, dates, the named contact on each side.
// Each save is a new revision; the history shows who changed what and when.
import { z } from 'zod';
import { workspace, type BriefFields } from '@/clickhouse/queries/workspace';
import { calendarDay } from '@/server/ingest/instant';
import { router } from '@/server/trpc/init';
import { recordActivity } from './activity';
import { serialized } from './serial';
import { editorProcedure, memberProcedure } from './procedures';

const rate = z.number().min(0).max(1).nullable();
const day = calendarDay.nullable();
const text = (max: number) => z.string().trim().max(max);
const briefObject = z.object({
  objectives: text(20_000),
  technical_scope: text(20_000),
  start_date: day,
  end_date: day,
  client_contact_name: text(200),
  client_contact_email: z.union([z.literal(''), z.email()]),
  client_contact_phone: text(40),
  outsourcer_contact_name: text(200),
  outsourcer_contact_email: z.union([z.literal(''), z.email()]),
  outsourcer_contact_phone: text(40),
  target_service_level: rate,
  target_sal: rate,
  target_conversion_rate: rate,
  target_aht_seconds: z.number().min(0).max(36_000).nullable(),
  target_nps: z.number().min(-100).max(100).nullable(),
});
const BRIEF_KEYS = Object.keys(briefObject.shape) as (keyof BriefFields)[];
export const briefFields = briefObject.refine((b) => !b.start_date || !b.end_date || b.start_date <= b.end_date, { message: 'The end date is before the start date', path: ['end_date'] });

/** Which fields differ between two revisions, for the feed and the history. */
export function changedFields(before: BriefFields | undefined, after: BriefFields): string[] {
  return BRIEF_KEYS.filter((k) => (before?.[k] ?? null) !== after[k] && !(before === undefined && (after[k] === '' || after[k] === null)));
}

export const briefRouter = router({
  get: memberProcedure.query(async ({ ctx, input }) => {
    const history = await workspace.briefHistory(ctx.ch, input.partnershipId);
    return { current: history[0] ?? null, history: history.map((rev, i) => ({ ...rev, changed: changedFields(history[i + 1], rev) })) };
  }),
  save: editorProcedure.input(z.object({ fields: briefFields })).mutation(({ ctx, input }) => serialized(`brief:${input.partnershipId}`, async () => {
    const history = await workspace.briefHistory(ctx.ch, input.partnershipId);
    const changed = changedFields(history[0], input.fields);
    if (history[0] && changed.length === 0) return { revision: history[0].revision, changed };
    const revision = (history[0]?.revision ?? 0) + 1;
    await workspace.putBrief(ctx.ch, {
      ...input.fields, partnership_id: input.partnershipId, revision,
      edited_by: ctx.actor.id, edited_by_name: ctx.actor.name, edited_at: new Date().toISOString(),
    });
    await recordActivity(ctx.ch, {
      partnershipId: input.partnershipId, actor: ctx.actor, kind: 'brief_changed',
      subject: { type: 'brief', id: String(revision) }, params: { revision, fields: changed.join(', ') },
    });
    return { revision, changed };
  })),
});
