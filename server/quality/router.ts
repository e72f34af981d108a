// The quality workspace's API (PRODUCT §7): grids and sampling per campaign, the sampling queue and call search,
// evaluating a call, the dispute loop, calibration; the agent's own evaluations on the desk. Evaluators are the
// outsourcer's managers, quality staff and admins; another tenant's call or evaluation answers as if it did not exist.
import { z } from 'zod';
import { qualitySql, type QualityCall } from '@/clickhouse/queries/quality';
import { agentProcedure } from '@/server/desk/desk-procedure';
import { EVALUATORS } from '@/server/tenancy/roles';
import { outsourcerCampaignProcedure, outsourcerProcedure, router, type OutsourcerScope } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { refusingAmbiguousCall } from '@/server/trpc/call-ref';
import { callRefInput, campaignsToSearch, theOneCall, type CallRef } from '@/server/tenancy/call-ref';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { campaignViews, scopedCampaign } from '@/server/campaigns/views';
import { answersSchema, commentSchema, sectionsSchema, type GridVersion } from './grid';
import { gridsOf, gridVersion, latestGrid, saveGrid, setSampling } from './grids';
import { agentAnswer, createEvaluation, evaluationWithHistory, evaluatorRespond, viewOf } from './evaluations';
import { queueOf, topUpQueue } from './queue';
import { isoWeekOf, MAX_PER_AGENT_WEEK, WEEK_PATTERN, weekSpan } from './sampling';
import { calibrationSpread } from './score';

const campaignStaff = outsourcerCampaignProcedure(EVALUATORS);
const staff = outsourcerProcedure(EVALUATORS);
const id = z.string().min(1).max(128);
const week = z.string().regex(WEEK_PATTERN).optional();
const comments = z.array(commentSchema).max(200);

/** The week asked (a Monday, in the campaign's zone) or the current one; a day that is not a Monday is refused. */
function spanOf(w: string | undefined, timeZone: string, now: number) {
  if (!w) return isoWeekOf(now, timeZone);
  try {
    return weekSpan(w, timeZone);
  } catch {
    throw userError('BAD_REQUEST', 'error.quality.week');
  }
}

/** A call of the caller's scope, stored by their own organization; otherwise it "does not exist". */
async function scopedCall(ch: Clickhouse, scope: OutsourcerScope, ref: CallRef): Promise<QualityCall> {
  const campaigns = campaignsToSearch(scope, ref.campaignId);
  const rows = campaigns.length ? await qualitySql.calls(ch, campaigns, scope.orgId, ref.callId) : [];
  const call = await refusingAmbiguousCall(async () => theOneCall(ref, rows));
  if (!call) throw userError('NOT_FOUND', 'error.noSuch.call');
  return call;
}

async function scopedEvaluation(ch: Clickhouse, scope: OutsourcerScope, evaluationId: string) {
  const found = scope.campaignIds.size ? await evaluationWithHistory(ch, scope.orgId, [...scope.campaignIds], evaluationId) : undefined;
  if (!found) throw userError('NOT_FOUND', 'error.noSuch.evaluation');
  return found;
}

/** A number's digits without the leading zeros: « 06 12… » finds +33 6 12…, as does « 33612… ». */
const nationalDigits = (phone: string | undefined) => phone?.replace(/\D/g, '').replace(/^0+/, '') ?? '';

const me = async (ch: Clickhouse, user: { id: string; email: string }) => ({ id: user.id, email: user.email, name: (await tenancy.userById(ch, user.id))?.name ?? '' });

/** The grid versions the evaluations were made with, by campaign and version. */
async function gridsFor(ch: Clickhouse, keys: { campaignId: string; gridVersion: number }[]) {
  const unique = [...new Map(keys.map((k) => [`${k.campaignId}:${k.gridVersion}`, k])).values()];
  const grids = await Promise.all(unique.map((k) => gridVersion(ch, k.campaignId, k.gridVersion)));
  return grids.filter((g): g is GridVersion => Boolean(g));
}

export const qualityRouter = router({
  grid: campaignStaff.query(({ ctx }) => gridsOf(ctx.ch, ctx.campaign.id)),

  saveGrid: campaignStaff
    .input(z.object({ name: z.string().trim().min(1).max(120), sections: sectionsSchema }))
    .mutation(async ({ ctx, input }) => saveGrid(ctx.ch, ctx.campaign, await me(ctx.ch, ctx.user), input, ctx.now())),

  setSampling: campaignStaff
    .input(z.object({ perAgentWeek: z.number().int().min(0).max(MAX_PER_AGENT_WEEK) }))
    .mutation(async ({ ctx, input }) => {
      await setSampling(ctx.ch, ctx.campaign, await me(ctx.ch, ctx.user), input.perAgentWeek, ctx.now());
      return { perAgentWeek: input.perAgentWeek };
    }),

  /** The week's sampling queue (the current week by default). */
  queue: campaignStaff.input(z.object({ week })).query(async ({ ctx, input }) => {
    const span = spanOf(input.week, ctx.campaign.time_zone, ctx.now());
    const [items, { perAgentWeek }] = await Promise.all([queueOf(ctx.ch, ctx.campaign, span), gridsOf(ctx.ch, ctx.campaign.id)]);
    return { ...span, perAgentWeek, items };
  }),

  /** Tops the week's queue up to N calls per agent; answers how many were added. */
  drawSample: campaignStaff.input(z.object({ week })).mutation(async ({ ctx, input }) => {
    const span = spanOf(input.week, ctx.campaign.time_zone, ctx.now());
    return { added: (await topUpQueue(ctx.ch, ctx.campaign, span, ctx.user.id, ctx.now())).length };
  }),

  /** Any connected call of the campaign, by agent, date range, phone digits or call id (newest first, 50 at most). */
  searchCalls: campaignStaff
    .input(z.object({ agent: z.string().max(64).optional(), from: z.number().int().optional(), to: z.number().int().optional(), phone: z.string().max(20).optional(), callId: z.string().max(128).optional() }))
    .query(async ({ ctx, input }) => {
      const [calls, names] = await Promise.all([
        qualitySql.searchCalls(ctx.ch, { campaignIds: [ctx.campaign.id], orgId: ctx.scope.orgId, ...input, phone: nationalDigits(input.phone), limit: 50 }),
        qualitySql.agentNames(ctx.ch, ctx.scope.orgId),
      ]);
      return calls.map((c) => ({ ...c, agentName: names.get(c.agent) ?? c.agent, recorded: c.recording_path !== '' }));
    }),

  /** The campaign's evaluations (newest revision each) whose call started in the range. */
  evaluations: campaignStaff.input(z.object({ from: z.number().int().optional(), to: z.number().int().optional() })).query(async ({ ctx, input }) => {
    const [rows, names] = await Promise.all([
      qualitySql.latestEvaluations(ctx.ch, { orgId: ctx.scope.orgId, campaignIds: [ctx.campaign.id], from: input.from, to: input.to }),
      qualitySql.agentNames(ctx.ch, ctx.scope.orgId),
    ]);
    return rows.map(viewOf).map((e) => ({ ...e, agentName: names.get(e.agent) ?? e.agent }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }),

  /** What the evaluate page shows: the call's facts, its survey answers, the grid, the call's evaluations. */
  callPage: staff.input(callRefInput).query(async ({ ctx, input }) => {
    const call = await scopedCall(ctx.ch, ctx.scope, input);
    const [campaign, grid, surveys, evaluations, names] = await Promise.all([
      scopedCampaign(ctx.ch, ctx.scope, call.campaign_id),
      latestGrid(ctx.ch, call.campaign_id),
      qualitySql.surveysOfCall(ctx.ch, call.campaign_id, call.id),
      qualitySql.latestEvaluations(ctx.ch, { orgId: ctx.scope.orgId, campaignIds: [call.campaign_id], callId: call.id }),
      qualitySql.agentNames(ctx.ch, ctx.scope.orgId),
    ]);
    const views = evaluations.map(viewOf);
    return {
      call: { ...call, recorded: call.recording_path !== '', recording_path: undefined },
      campaign: campaign ? { id: campaign.id, code: campaign.code, name: campaign.name } : { id: call.campaign_id, code: '', name: '' },
      agentName: names.get(call.agent) ?? call.agent,
      surveys,
      grid: grid ?? null,
      grids: await gridsFor(ctx.ch, views.map((e) => ({ campaignId: e.campaignId, gridVersion: e.gridVersion }))),
      evaluations: views,
      mine: views.find((e) => e.evaluatorId === ctx.user.id) ?? null,
    };
  }),

  evaluate: staff
    .input(callRefInput.extend({ answers: answersSchema, comments }))
    .mutation(async ({ ctx, input }) => {
      const call = await scopedCall(ctx.ch, ctx.scope, input);
      return createEvaluation(ctx.ch, call, await me(ctx.ch, ctx.user), input, ctx.now());
    }),

  /** One evaluation, its revisions (oldest first) and the grid version it was made with. */
  evaluation: staff.input(z.object({ evaluationId: id })).query(async ({ ctx, input }) => {
    const { current, history } = await scopedEvaluation(ctx.ch, ctx.scope, input.evaluationId);
    return { current, history, grid: (await gridVersion(ctx.ch, current.campaignId, current.gridVersion)) ?? null };
  }),

  /** The evaluator's answer to a dispute: a reply, and the answers and comments revised when the score changes. */
  respond: staff
    .input(z.object({ evaluationId: id, reply: z.string().trim().min(1).max(2000), answers: answersSchema.optional(), comments: comments.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { current } = await scopedEvaluation(ctx.ch, ctx.scope, input.evaluationId);
      return evaluatorRespond(ctx.ch, ctx.scope.orgId, current, await me(ctx.ch, ctx.user), input, ctx.now());
    }),

  /** The campaign's calls evaluated by two evaluators or more. */
  calibrationCalls: campaignStaff.query(async ({ ctx }) => {
    const [calls, names] = await Promise.all([qualitySql.calibrationCalls(ctx.ch, ctx.scope.orgId, ctx.campaign.id), qualitySql.agentNames(ctx.ch, ctx.scope.orgId)]);
    return calls.map((c) => ({ callId: c.call_id, agent: c.agent, agentName: names.get(c.agent) ?? c.agent, evaluators: Number(c.evaluators), callStartedAt: c.first_start }));
  }),

  /** Each evaluator's answers on one call, and the spread per criterion (on the official evaluation's grid version). */
  calibration: staff.input(callRefInput).query(async ({ ctx, input }) => {
    const call = await scopedCall(ctx.ch, ctx.scope, input);
    const evaluations = (await qualitySql.latestEvaluations(ctx.ch, { orgId: ctx.scope.orgId, campaignIds: [call.campaign_id], callId: call.id }))
      .map(viewOf).sort((a, b) => Number(a.calibration) - Number(b.calibration) || a.createdAt.localeCompare(b.createdAt));
    const reference = evaluations[0];
    const grid = reference ? await gridVersion(ctx.ch, call.campaign_id, reference.gridVersion) : undefined;
    const comparable = evaluations.filter((e) => e.gridVersion === reference?.gridVersion);
    return {
      callId: call.id, agent: call.agent, grid: grid ?? null, evaluations,
      spread: grid ? calibrationSpread(grid.sections, comparable.map((e) => e.answers)) : null,
    };
  }),

  /** The signed-in agent's evaluations (official ones), newest first, with the grid versions to read them. */
  mine: agentProcedure.query(async ({ ctx }) => {
    if (!ctx.scope.campaignIds.size) return { evaluations: [], grids: [], campaigns: [] };
    const rows = (await qualitySql.latestEvaluations(ctx.ch, { orgId: ctx.scope.orgId, campaignIds: [...ctx.scope.campaignIds], agent: ctx.agentCode, officialOnly: true }))
      .map(viewOf).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const campaigns = (await campaignViews(ctx.ch, ctx.scope)).filter((c) => rows.some((r) => r.campaignId === c.id));
    return {
      evaluations: rows,
      grids: await gridsFor(ctx.ch, rows.map((e) => ({ campaignId: e.campaignId, gridVersion: e.gridVersion }))),
      campaigns: campaigns.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    };
  }),

  acknowledge: agentProcedure.input(z.object({ evaluationId: id, comment: z.string().trim().max(2000).default('') })).mutation(async ({ ctx, input }) => {
    const { current } = await scopedEvaluation(ctx.ch, ctx.scope, input.evaluationId);
    return agentAnswer(ctx.ch, ctx.scope.orgId, current, ctx.agentCode, await me(ctx.ch, ctx.user), 'acknowledge', input.comment, ctx.now());
  }),

  dispute: agentProcedure.input(z.object({ evaluationId: id, comment: z.string().trim().min(1).max(2000) })).mutation(async ({ ctx, input }) => {
    const { current } = await scopedEvaluation(ctx.ch, ctx.scope, input.evaluationId);
    return agentAnswer(ctx.ch, ctx.scope.orgId, current, ctx.agentCode, await me(ctx.ch, ctx.user), 'dispute', input.comment, ctx.now());
  }),
});
