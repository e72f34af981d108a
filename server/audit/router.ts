// The audit log for an organization's admins: who changed what and when, newest first, by family and period.
// Read-only: no procedure changes or removes a line.
import { z } from 'zod';
import { auditOfOrg } from '@/clickhouse/queries/audit';
import { checkKpiRange } from '@/server/kpi/range';
import { ADMINS } from '@/server/tenancy/roles';
import { roleProcedure, router } from '@/server/trpc/init';
import { AUDIT_FAMILIES } from './actions';

/** Lines one page shows at most; the export asks for the same. */
export const AUDIT_PAGE_LINES = 2_000;

export const auditRouter = router({
  list: roleProcedure(ADMINS)
    .input(z.object({ from: z.number(), to: z.number(), family: z.enum(AUDIT_FAMILIES as [string, ...string[]]).optional() }).superRefine(checkKpiRange))
    .query(async ({ ctx, input }) => {
      const rows = await auditOfOrg(ctx.ch, {
        orgId: ctx.scope.orgId, from: input.from, to: input.to, actionPrefix: input.family ? `${input.family}.` : '', limit: AUDIT_PAGE_LINES + 1,
      });
      // Other organizations a line is shared with are theirs to know: only the line itself is shown.
      return { lines: rows.slice(0, AUDIT_PAGE_LINES).map(({ org_ids: _shared, ...line }) => line), more: rows.length > AUDIT_PAGE_LINES };
    }),
});
