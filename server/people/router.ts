// People (issue 20): the admin pages' procedures. Users of the caller's own organization (outsourcer or client
// admins), teams and assignments (the outsourcer's managers and admins), client organizations (outsourcer admins).
import { z } from 'zod';
import { ROLES } from '@/clickhouse/vocabulary';
import { ADMINS, AGENT_ANALYSTS, CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import type { Clickhouse } from '@/clickhouse/client';
import { outsourcerProcedure, roleProcedure, router, type Scope } from '@/server/trpc/init';
import {
  createClient, createPerson, listClients, listPeople, listTeams, resetPassword, rolesOfKind, saveTeam, setActive, setAssignment, updatePerson, type Who,
} from './service';

const id = z.string().min(1).max(128);
const text = (max: number) => z.string().max(max);
const whoOf = <S extends Scope>(ctx: { ch: Clickhouse; scope: S; user: { id: string; email: string } }): Who<S> =>
  ({ ch: ctx.ch, scope: ctx.scope, actor: { id: ctx.user.id, email: ctx.user.email } });

const admins = roleProcedure(ADMINS);

export const peopleRouter = router({
  users: router({
    list: admins.query(async ({ ctx }) => ({ users: await listPeople(ctx), roles: rolesOfKind(ctx.scope.orgKind) })),
    create: admins
      .input(z.object({ name: text(300), email: text(300), role: z.enum(ROLES), agentCode: text(100).optional(), team: text(200).optional() }))
      .mutation(({ ctx, input }) => createPerson(whoOf(ctx), input)),
    update: admins
      .input(z.object({ userId: id, name: text(300).optional(), role: z.enum(ROLES).optional(), team: text(200).optional(), agentCode: text(100).optional() }))
      .mutation(({ ctx, input }) => updatePerson(whoOf(ctx), input)),
    deactivate: admins.input(z.object({ userId: id })).mutation(({ ctx, input }) => setActive(whoOf(ctx), input.userId, false)),
    reactivate: admins.input(z.object({ userId: id })).mutation(({ ctx, input }) => setActive(whoOf(ctx), input.userId, true)),
    resetPassword: admins.input(z.object({ userId: id })).mutation(({ ctx, input }) => resetPassword(whoOf(ctx), input.userId)),
  }),
  teams: router({
    list: outsourcerProcedure(AGENT_ANALYSTS).query(({ ctx }) => listTeams(ctx)),
    save: outsourcerProcedure(CAMPAIGN_MANAGERS)
      .input(z.object({ teamId: id.optional(), name: text(200), leadUserId: id, memberIds: z.array(id).max(500) }))
      .mutation(({ ctx, input }) => saveTeam(whoOf(ctx), input)),
  }),
  assignments: router({
    set: outsourcerProcedure(CAMPAIGN_MANAGERS)
      .input(z.object({ campaignId: id, userId: id, assigned: z.boolean() }))
      .mutation(({ ctx, input }) => setAssignment(whoOf(ctx), input.campaignId, input.userId, input.assigned)),
  }),
  clients: router({
    list: outsourcerProcedure(ADMINS).query(({ ctx }) => listClients(ctx)),
    create: outsourcerProcedure(ADMINS)
      .input(z.object({ name: text(300), partnershipName: text(300).optional(), adminName: text(300), adminEmail: text(300) }))
      .mutation(({ ctx, input }) => createClient(whoOf(ctx), input)),
  }),
});
