// Training material per campaign: the client and the managers add documents (uploaded files or links),
// the campaign's agents read and acknowledge them, and both sides see who has and has not.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { workspace, type TrainingDocument } from '@/clickhouse/queries/workspace';
import { campaignProcedure, requireInScope, router, scopedProcedure } from '@/server/trpc/init';
import { WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import { actorOf } from './actor';
import { recordActivity } from './activity';
import { memberProcedure, partnershipInput } from './procedures';
import { userError } from '@/server/trpc/user-error';

const KINDS = ['pdf', 'slides', 'video', 'document', 'link'] as const;

export const trainingRouter = router({
  /** Members: every document of the partnership with, per document, the assigned agents and their acknowledgement. */
  list: memberProcedure.query(async ({ ctx, input }) => {
    const campaigns = (await tenancy.campaignsOfPartnerships(ctx.ch, [input.partnershipId])).filter((c) => ctx.scope.campaignIds.has(c.id));
    const docs = await workspace.trainingOfCampaigns(ctx.ch, campaigns.map((c) => c.id));
    const [acks, assignments] = await Promise.all([
      workspace.acknowledgements(ctx.ch, docs.map((d) => d.id)),
      tenancy.assignmentsOfCampaigns(ctx.ch, campaigns.map((c) => c.id)),
    ]);
    const partnership = (await tenancy.partnershipsByIds(ctx.ch, [input.partnershipId]))[0]!;
    const agents = (await tenancy.usersOfOrg(ctx.ch, partnership.outsourcer_org_id)).filter((u) => u.role === 'agent');
    return docs.map((doc) => {
      const assigned = new Set(assignments.filter((a) => a.campaign_id === doc.campaign_id).map((a) => a.user_id));
      return {
        ...doc,
        campaign_code: campaigns.find((c) => c.id === doc.campaign_id)?.code ?? '',
        agents: agents.filter((a) => assigned.has(a.id)).map((a) => ({
          id: a.id, name: a.name, agent_code: a.agent_code,
          acknowledged_at: acks.find((k) => k.document_id === doc.id && k.user_id === a.id)?.acknowledged_at ?? null,
        })),
      };
    });
  }),

  add: campaignProcedure(WORKSPACE_EDITORS)
    .input(partnershipInput.extend({
      title: z.string().trim().min(1).max(200),
      kind: z.enum(KINDS),
      fileId: z.string().max(128).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    }).refine((d) => (d.kind === 'link' || d.kind === 'video' ? !!(d.url || d.fileId) : !!d.fileId), { message: 'A document needs an uploaded file (or a link for videos and links)' }))
    .mutation(async ({ ctx, input }) => {
      requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'workspace');
      // Both ids are in scope; the campaign must also be one of this partnership's.
      if (ctx.campaign.partnership_id !== input.partnershipId) throw userError('NOT_FOUND', 'error.noSuch.campaignInPartnership');
      const actor = actorOf(ctx.user, ctx.scope);
      if (input.fileId) {
        const file = await workspace.file(ctx.ch, input.fileId);
        if (!file || file.partnership_id !== input.partnershipId || file.purpose !== 'training') throw userError('NOT_FOUND', 'error.noSuch.file');
      }
      const doc: TrainingDocument = {
        id: randomUUID(), partnership_id: input.partnershipId, campaign_id: input.campaignId, title: input.title, kind: input.kind,
        file_id: input.fileId ?? '', url: input.url ?? '', created_by: actor.id, created_by_name: actor.name,
        created_at: new Date().toISOString(),
      };
      await workspace.putTraining(ctx.ch, doc);
      await recordActivity(ctx.ch, {
        partnershipId: input.partnershipId, actor, kind: 'training_added',
        subject: { type: 'training', id: doc.id }, params: { title: doc.title },
      });
      return { id: doc.id };
    }),

  /** Any signed-in user: the documents of the campaigns they work on, with their own acknowledgement. */
  mine: scopedProcedure.query(async ({ ctx }) => {
    const docs = await workspace.trainingOfCampaigns(ctx.ch, [...ctx.scope.campaignIds]);
    const acks = await workspace.acknowledgements(ctx.ch, docs.map((d) => d.id));
    return docs.map((d) => ({ ...d, acknowledged_at: acks.find((a) => a.document_id === d.id && a.user_id === ctx.scope.userId)?.acknowledged_at ?? null }));
  }),

  acknowledge: scopedProcedure.input(z.object({ documentId: z.string().min(1).max(128) })).mutation(async ({ ctx, input }) => {
    const doc = await workspace.training(ctx.ch, input.documentId);
    if (!doc || !ctx.scope.campaignIds.has(doc.campaign_id) || ctx.scope.role !== 'agent') throw userError('NOT_FOUND', 'error.noSuch.document');
    const already = (await workspace.acknowledgements(ctx.ch, [doc.id])).some((a) => a.user_id === ctx.scope.userId);
    if (!already) {
      await workspace.acknowledge(ctx.ch, doc.id, ctx.scope.userId);
      await recordActivity(ctx.ch, {
        partnershipId: doc.partnership_id, actor: actorOf(ctx.user, ctx.scope), kind: 'training_acknowledged',
        subject: { type: 'training', id: doc.id }, params: { title: doc.title },
      });
    }
    return { acknowledged: true };
  }),
});
