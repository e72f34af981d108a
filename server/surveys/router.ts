// Surveys in the portal (issue 19): the inbox of answers with their verbatims, the follow-ups of detractors (edited
// by the outsourcer's managers, quality and admins; read by the client), and each campaign's survey-link validity.
import { z } from 'zod';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { followupHistory, putFollowup, putSurveyTokenDays, surveyById, surveyTokenDays } from '@/clickhouse/queries/surveys';
import { audited } from '@/server/audit/record';
import { campaignViews } from '@/server/campaigns/views';
import { checkKpiRange } from '@/server/kpi/range';
import { AGENT_ANALYSTS, CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { campaignProcedure, outsourcerCampaignProcedure, requireInScope, roleProcedure, router } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { canMove, FOLLOWUP_STATUSES, isDetractor, NOTE_MAX, type FollowupStatus } from './followup';
import { inboxFilter, surveyInbox } from './inbox';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, SCORE_BANDS } from './token';

/** Answers one page shows; the export asks for pages of EXPORT_PAGE up to EXPORT_MAX. */
export const INBOX_PAGE_MAX = 200;
export const EXPORT_MAX = 20_000;

const inboxInput = z.object({
  campaignIds: z.array(z.string().min(1).max(128)).max(500).default([]),
  agents: z.array(z.string().min(1).max(64)).max(500).default([]),
  band: z.enum(SCORE_BANDS).nullable().default(null),
  resolved: z.boolean().nullable().default(null),
  followup: z.enum(FOLLOWUP_STATUSES).nullable().default(null),
  from: z.number(),
  to: z.number(),
  search: z.string().max(200).default(''),
  offset: z.number().int().min(0).max(EXPORT_MAX).default(0),
  limit: z.number().int().min(1).max(INBOX_PAGE_MAX).default(50),
}).superRefine(checkKpiRange);

/** Who may own a follow-up: the outsourcer's staff who edit them. */
const OWNER_ROLES = AGENT_ANALYSTS;

export const surveysRouter = router({
  /** What the filters offer: the caller's campaigns, the agents of their answers, the owners follow-ups may have. */
  options: roleProcedure(PARTNERSHIP_MEMBERS).query(async ({ ctx }) => {
    const campaigns = await campaignViews(ctx.ch, ctx.scope);
    const outsourcers = [...new Set(campaigns.map((c) => c.outsourcer_org_id))];
    const users = (await Promise.all(outsourcers.map((o) => tenancy.usersOfOrg(ctx.ch, o)))).flat().filter((u) => u.active !== 0);
    const days = await surveyTokenDays(ctx.ch, campaigns.map((c) => c.id));
    // A client sees the agents of its own campaigns only, not the outsourcer's other teams.
    const assigned = ctx.scope.orgKind === 'client'
      ? new Set((await tenancy.assignmentsOfCampaigns(ctx.ch, campaigns.map((c) => c.id))).map((a) => a.user_id))
      : null;
    return {
      campaigns: campaigns.map((c) => ({ id: c.id, code: c.code, name: c.name, clientName: c.client_name, tokenDays: days.get(c.id) ?? DEFAULT_TOKEN_DAYS })),
      agents: users.filter((u) => u.role === 'agent' && u.agent_code && (!assigned || assigned.has(u.id))).map((u) => ({ code: u.agent_code, name: u.name })),
      owners: users.filter((u) => OWNER_ROLES.includes(u.role)).map((u) => ({ id: u.id, name: u.name })),
      /** Whether the caller edits follow-ups and settings (the outsourcer's staff) or reads them (the client). */
      canEdit: ctx.scope.orgKind === 'outsourcer' && AGENT_ANALYSTS.includes(ctx.scope.role),
      canSetValidity: ctx.scope.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(ctx.scope.role),
    };
  }),

  /** One page of the filtered answers, newest first, with the NPS and count of the whole filtered set. */
  inbox: roleProcedure(PARTNERSHIP_MEMBERS).input(inboxInput).query(async ({ ctx, input }) => {
    const ids = input.campaignIds.length ? input.campaignIds.map((id) => requireInScope(ctx.scope.campaignIds, id, 'campaign')) : [...ctx.scope.campaignIds];
    return surveyInbox(ctx.ch, inboxFilter(input, ids), input.offset, input.limit);
  }),

  followup: router({
    /** A detractor's follow-up, every change, newest first. */
    history: campaignProcedure(PARTNERSHIP_MEMBERS).input(z.object({ surveyId: z.string().min(1).max(160) })).query(async ({ ctx, input }) => {
      const survey = await surveyById(ctx.ch, [ctx.campaign.id], input.surveyId);
      if (!survey) throw userError('NOT_FOUND', 'error.noSuch.survey');
      return followupHistory(ctx.ch, ctx.campaign.id, survey.id);
    }),

    /** Changes a detractor's follow-up: status (new → contacted → closed), owner, note. Each change is kept. */
    save: outsourcerCampaignProcedure(AGENT_ANALYSTS)
      .input(z.object({
        surveyId: z.string().min(1).max(160),
        status: z.enum(FOLLOWUP_STATUSES),
        ownerId: z.string().max(128).default(''),
        note: z.string().max(NOTE_MAX).default(''),
      }))
      .mutation(async ({ ctx, input }) => {
        const survey = await surveyById(ctx.ch, [ctx.campaign.id], input.surveyId);
        if (!survey) throw userError('NOT_FOUND', 'error.noSuch.survey');
        if (!isDetractor(survey.score)) throw userError('BAD_REQUEST', 'error.survey.notDetractor');
        const [current] = await followupHistory(ctx.ch, ctx.campaign.id, survey.id);
        const from: FollowupStatus = current?.status ?? 'new';
        if (!canMove(from, input.status)) throw userError('BAD_REQUEST', 'error.survey.move', { from, to: input.status });
        if (input.ownerId) {
          const owner = await tenancy.userById(ctx.ch, input.ownerId);
          if (!owner || owner.org_id !== ctx.scope.orgId || !OWNER_ROLES.includes(owner.role) || owner.active === 0) throw userError('BAD_REQUEST', 'error.survey.owner');
        }
        const row = {
          org_id: ctx.scope.orgId, campaign_id: ctx.campaign.id, survey_id: survey.id, status: input.status, owner_id: input.ownerId,
          note: input.note.trim(), updated_by: ctx.user.id, updated_by_name: ctx.user.name ?? ctx.user.email, updated_at: ctx.now(),
        };
        await audited(ctx.ch, ctx.user, {
          action: 'survey.followup', subject: { type: 'survey', id: survey.id }, orgIds: [ctx.scope.orgId, ctx.campaign.client_org_id],
          summary: `${ctx.campaign.code} ${survey.id}`, detail: { from, to: input.status, owner: input.ownerId, score: survey.score },
        }, () => putFollowup(ctx.ch, row));
        return { status: input.status };
      }),
  }),

  settings: router({
    /** The campaign's survey-link validity in days. */
    get: campaignProcedure(PARTNERSHIP_MEMBERS).query(async ({ ctx }) => ({
      tokenDays: (await surveyTokenDays(ctx.ch, [ctx.campaign.id])).get(ctx.campaign.id) ?? DEFAULT_TOKEN_DAYS,
    })),
    /** Sets it: links made from now on stay open that many days (links already sent keep theirs). */
    set: outsourcerCampaignProcedure(CAMPAIGN_MANAGERS)
      .input(z.object({ tokenDays: z.number().int().min(1).max(MAX_TOKEN_DAYS) }))
      .mutation(async ({ ctx, input }) => {
        const before = (await surveyTokenDays(ctx.ch, [ctx.campaign.id])).get(ctx.campaign.id) ?? DEFAULT_TOKEN_DAYS;
        await audited(ctx.ch, ctx.user, {
          action: 'survey.settings', subject: { type: 'campaign', id: ctx.campaign.id }, orgIds: [ctx.scope.orgId, ctx.campaign.client_org_id],
          summary: ctx.campaign.code, detail: { token_days: { before, after: input.tokenDays } },
        }, () => putSurveyTokenDays(ctx.ch, ctx.campaign.id, input.tokenDays, ctx.user.id));
        return { tokenDays: input.tokenDays };
      }),
  }),
});
