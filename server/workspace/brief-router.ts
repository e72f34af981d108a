// The brief: objectives with the KPI targets, technical scope, dates, the named contact on each side.
// Each save is a new revision; the history shows who changed what and when. The KPI targets are per campaign of
// the partnership and ARE the campaign's targets (one store, campaign_targets: the live monitor, reports and the
// API read them from there); each save of a campaign's targets is a revision of its own, with its history.
import { z } from 'zod';
import { workspace, type BriefFields } from '@/clickhouse/queries/workspace';
import { calendarDay } from '@/server/ingest/instant';
import { pickTargets, TARGET_KEYS, targetsSql } from '@/clickhouse/queries/targets';
import { changeTargets } from './targets-change';
import { campaignViews, scopedCampaign } from '@/server/campaigns/views';
import { requireInScope, router } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
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
});
/** A campaign's KPI targets as the brief edits them (null: no target). */
export const targetFields = z.object({
  target_service_level: rate,
  target_sal: rate,
  target_sal_hours: z.number().positive().max(24 * 31).nullable(),
  target_conversion_rate: rate,
  target_aht_seconds: z.number().min(0).max(36_000).nullable(),
  target_nps: z.number().min(-100).max(100).nullable(),
  target_abandon_rate: rate,
}).partial();
const BRIEF_KEYS = Object.keys(briefObject.shape) as (keyof BriefFields)[];
export const briefFields = briefObject.refine((b) => !b.start_date || !b.end_date || b.start_date <= b.end_date, { message: 'The end date is before the start date', path: ['end_date'] });

/** Which fields differ between two revisions, for the feed and the history. */
export function changedFields(before: BriefFields | undefined, after: BriefFields): string[] {
  return BRIEF_KEYS.filter((k) => (before?.[k] ?? null) !== after[k] && !(before === undefined && (after[k] === '' || after[k] === null)));
}

export const briefRouter = router({
  get: memberProcedure.query(async ({ ctx, input }) => {
    const history = await workspace.briefHistory(ctx.ch, input.partnershipId);
    const campaigns = (await campaignViews(ctx.ch, ctx.scope)).filter((c) => c.partnership_id === input.partnershipId);
    const targetHistory = await targetsSql.history(ctx.ch, campaigns.map((c) => c.id));
    return {
      current: history[0] ?? null,
      history: history.map((rev, i) => ({ ...rev, changed: changedFields(history[i + 1], rev) })),
      /** Each campaign's targets (the newest revision) and their revisions, newest first, with what changed. */
      targets: campaigns.map((c) => {
        const revisions = targetHistory.filter((r) => r.campaign_id === c.id);
        return {
          campaignId: c.id, code: c.code, name: c.name, direction: c.direction,
          current: pickTargets(revisions[0] ?? {}),
          history: revisions.map((r, i) => ({ revision: r.revision, edited_by_name: r.edited_by_name, edited_at: r.edited_at, targets: pickTargets(r), changed: TARGET_KEYS.filter((k) => (revisions[i + 1]?.[k] ?? null) !== r[k]) })),
        };
      }),
    };
  }),
  /** A campaign's targets, set in the brief by either side: the campaign must be of this partnership. */
  setTargets: editorProcedure.input(z.object({ campaignId: z.string().min(1).max(128), targets: targetFields })).mutation(async ({ ctx, input }) => {
    requireInScope(ctx.scope.campaignIds, input.campaignId, 'campaign');
    const campaign = await scopedCampaign(ctx.ch, ctx.scope, input.campaignId);
    if (!campaign || campaign.partnership_id !== input.partnershipId) throw userError('NOT_FOUND', 'error.noSuch.campaignInPartnership');
    return changeTargets(ctx.ch, ctx.user, ctx.scope, campaign, input.targets);
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
