// People of the caller's organization: agents with their campaigns (managers, quality), all users (admin).
import { tenancy } from '@/clickhouse/queries/tenancy';
import { roleProcedure, router } from '@/server/trpc/init';
import { ADMINS, AGENT_ANALYSTS } from '@/server/tenancy/roles';

export const teamRouter = router({
  agents: roleProcedure(AGENT_ANALYSTS).query(async ({ ctx }) => {
    // In usersOfOrg's order: by name, numbers in their order (Agent 2 before Agent 10).
    const users = (await tenancy.usersOfOrg(ctx.ch, ctx.scope.orgId)).filter((u) => u.role === 'agent');
    const campaignIds = [...ctx.scope.campaignIds];
    const assignments = campaignIds.length ? await tenancy.assignmentsOfCampaigns(ctx.ch, campaignIds) : [];
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      agentCode: u.agent_code,
      team: u.team,
      campaignIds: assignments.filter((a) => a.user_id === u.id).map((a) => a.campaign_id),
    }));
  }),
  users: roleProcedure(ADMINS).query(async ({ ctx }) =>
    (await tenancy.usersOfOrg(ctx.ch, ctx.scope.orgId)).map(({ password_hash: _hidden, ...u }) => u),
  ),
});
