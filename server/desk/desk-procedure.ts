// The procedures of the agent desk: a signed-in agent of an outsourcer with an agent code, which `ctx.agentCode`
// carries (the dialer knows agents by it). The dialer itself is `ctx.dialer`, or a refusal saying why there is none.
import { tenancy } from '@/clickhouse/queries/tenancy';
import { AGENTS } from '@/server/tenancy/roles';
import { outsourcerProcedure } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { currentDialer } from '@/server/dialer/instance';

// Agents are the outsourcer's staff: an "agent" of a client organization is a misconfiguration, not a phone.
export const agentProcedure = outsourcerProcedure(AGENTS).use(async ({ ctx, next }) => {
  const me = await tenancy.userById(ctx.ch, ctx.user.id);
  const agentCode = me?.agent_code ?? '';
  if (!agentCode) throw userError('PRECONDITION_FAILED', 'error.noAgentCode');
  return next({ ctx: { agentCode } });
});

/** An agent's action on the dialer: refused with the reason when this process runs none. */
export const dialerProcedure = agentProcedure.use(({ next }) => {
  const { dialer } = currentDialer();
  if (!dialer) throw userError('PRECONDITION_FAILED', 'error.desk.noDialer');
  return next({ ctx: { dialer } });
});
