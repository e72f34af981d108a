// API keys in Settings: an outsourcer's admin lists, creates (shown once) and revokes its organization's keys.
import { z } from 'zod';
import { apiKeys } from '@/clickhouse/queries/api-keys';
import { outsourcerProcedure, router } from '@/server/trpc/init';
import { createApiKey, revokeApiKey } from './keys';
import { userError } from '@/server/trpc/user-error';
import { audited } from '@/server/audit/record';
import { ADMINS } from '@/server/tenancy/roles';

const outsourcerAdmin = outsourcerProcedure(ADMINS, 'error.apiKeysOutsourcer');

export const apiKeysRouter = router({
  list: outsourcerAdmin.query(async ({ ctx }) =>
    (await apiKeys.ofOrg(ctx.ch, ctx.scope.orgId)).map(({ key_hash: _hidden, ...k }) => k),
  ),
  create: outsourcerAdmin.input(z.object({ name: z.string().trim().min(1).max(80) })).mutation(async ({ ctx, input }) => {
    const entry = { action: 'apikey.create', subject: { type: 'api_key', id: input.name }, orgIds: [ctx.scope.orgId], summary: input.name } as const;
    const { key, record } = await audited(ctx.ch, ctx.user, entry, () => createApiKey(ctx.ch, ctx.scope.orgId, input.name, ctx.user.email));
    return { key, id: record.id, prefix: record.prefix };
  }),
  revoke: outsourcerAdmin.input(z.object({ id: z.string().max(128) })).mutation(async ({ ctx, input }) => {
    const key = (await apiKeys.ofOrg(ctx.ch, ctx.scope.orgId)).find((k) => k.id === input.id && !k.revoked_at);
    if (!key) throw userError('NOT_FOUND', 'error.noSuch.key');
    const entry = { action: 'apikey.revoke', subject: { type: 'api_key', id: key.id }, orgIds: [ctx.scope.orgId], summary: `${key.name} (${key.prefix}…)` } as const;
    await audited(ctx.ch, ctx.user, entry, () => revokeApiKey(ctx.ch, ctx.scope.orgId, input.id));
    return { revoked: true };
  }),
});
