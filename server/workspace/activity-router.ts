// The feed of a workspace, comments on any item, and the unread count shown in the navigation.
import { z } from 'zod';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { workspace } from '@/clickhouse/queries/workspace';
import { PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { router, scopedProcedure } from '@/server/trpc/init';
import { recordActivity } from './activity';
import { userError } from '@/server/trpc/user-error';
import { memberProcedure } from './procedures';
import { SUBJECTS, subjectInPartnership } from './subject';

export const activityRouter = router({
  feed: memberProcedure.input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(async ({ ctx, input }) => {
    const events = await workspace.activity(ctx.ch, input.partnershipId, input.limit);
    return events.map((e) => ({ ...e, params: JSON.parse(e.params || '{}') as Record<string, string | number> }));
  }),
  markRead: memberProcedure.mutation(async ({ ctx, input }) => {
    await workspace.markRead(ctx.ch, ctx.scope.userId, input.partnershipId, Date.now());
    return { ok: true };
  }),
  comment: memberProcedure
    .input(z.object({ subjectType: z.enum(SUBJECTS), subjectId: z.string().max(128), body: z.string().trim().min(1).max(5_000) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await subjectInPartnership(ctx.ch, input.partnershipId, input.subjectType, input.subjectId))) {
        throw userError('NOT_FOUND', 'error.noSuch.subjectInPartnership');
      }
      await recordActivity(ctx.ch, {
        partnershipId: input.partnershipId, actor: ctx.actor, kind: 'comment',
        subject: { type: input.subjectType, id: input.subjectId }, body: input.body,
      });
      return { ok: true };
    }),
  /** The workspaces the caller belongs to, with their unread counts (agents have none). */
  workspaces: scopedProcedure.query(async ({ ctx }) => {
    if (!PARTNERSHIP_MEMBERS.includes(ctx.scope.role) || ctx.scope.partnershipIds.size === 0) return [];
    const ids = [...ctx.scope.partnershipIds];
    const [partnerships, unread] = await Promise.all([tenancy.partnershipsByIds(ctx.ch, ids), workspace.unread(ctx.ch, ctx.scope.userId, ids)]);
    const orgs = new Map((await tenancy.organizationsByIds(ctx.ch, [...new Set(partnerships.flatMap((p) => [p.client_org_id, p.outsourcer_org_id]))])).map((o) => [o.id, o.name]));
    return partnerships.map((p) => ({
      id: p.id, name: p.name, client_name: orgs.get(p.client_org_id) ?? '', outsourcer_name: orgs.get(p.outsourcer_org_id) ?? '',
      unread: unread[p.id] ?? 0,
    }));
  }),
});
