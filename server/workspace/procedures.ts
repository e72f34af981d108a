// The procedures of the workspace: members of a partnership (client staff and outsourcer staff, not
// agents) and, among them, the editors. The partnership id from input must be in the caller's scope.
import { z } from 'zod';
import { PARTNERSHIP_MEMBERS, WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import { requireInScope, roleProcedure } from '@/server/trpc/init';
import { actorOf } from './actor';

export const partnershipInput = z.object({ partnershipId: z.string().min(1).max(128) });

export const memberProcedure = roleProcedure(PARTNERSHIP_MEMBERS)
  .input(partnershipInput)
  .use(({ ctx, input, next }) => {
    requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'workspace');
    return next({ ctx: { actor: actorOf(ctx.user, ctx.scope) } });
  });

export const editorProcedure = roleProcedure(WORKSPACE_EDITORS)
  .input(partnershipInput)
  .use(({ ctx, input, next }) => {
    requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'workspace');
    return next({ ctx: { actor: actorOf(ctx.user, ctx.scope) } });
  });
