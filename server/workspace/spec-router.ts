// The specification ("cahier des charges"): Markdown versions proposed by one side, signed by the other.
import { z } from 'zod';
import { workspace } from '@/clickhouse/queries/workspace';
import { router } from '@/server/trpc/init';
import { WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import { recordActivity } from './activity';
import { editorProcedure, memberProcedure } from './procedures';
import { serialized } from './serial';
import { canSign, nextSpecNumber, specStatus } from './spec-rules';
import { userError } from '@/server/trpc/user-error';

export const specRouter = router({
  list: memberProcedure.query(async ({ ctx, input }) => {
    const versions = await workspace.specVersions(ctx.ch, input.partnershipId);
    const latest = versions[0]?.number ?? 0;
    const mayEdit = WORKSPACE_EDITORS.includes(ctx.scope.role);
    return versions.map((v) => ({
      ...v,
      status: specStatus(v, latest),
      canSign: mayEdit && canSign(v, latest, ctx.actor.side).ok,
    }));
  }),
  propose: editorProcedure
    .input(z.object({ body: z.string().trim().min(1, 'The specification is empty').max(500_000), note: z.string().trim().max(500).default('') }))
    .mutation(({ ctx, input }) => serialized(`spec:${input.partnershipId}`, async () => {
      const versions = await workspace.specVersions(ctx.ch, input.partnershipId);
      const number = nextSpecNumber(versions);
      await workspace.putSpecVersion(ctx.ch, {
        partnership_id: input.partnershipId, number, body: input.body, note: input.note,
        proposed_by: ctx.actor.id, proposed_by_name: ctx.actor.name, proposed_side: ctx.actor.side,
        proposed_at: new Date().toISOString(), signed_by: '', signed_by_name: '', signed_at: null,
      });
      await recordActivity(ctx.ch, {
        partnershipId: input.partnershipId, actor: ctx.actor, kind: 'spec_proposed',
        subject: { type: 'spec', id: String(number) }, params: { number, note: input.note },
      });
      return { number };
    })),
  sign: editorProcedure.input(z.object({ number: z.number().int().positive() })).mutation(({ ctx, input }) => serialized(`spec:${input.partnershipId}`, async () => {
    const versions = await workspace.specVersions(ctx.ch, input.partnershipId);
    const version = versions.find((v) => v.number === input.number);
    if (!version) throw userError('NOT_FOUND', 'error.noSuch.version');
    const check = canSign(version, versions[0]!.number, ctx.actor.side);
    if (!check.ok) throw userError('CONFLICT', `error.sign.${check.reason}`);
    const signedAt = new Date().toISOString();
    await workspace.putSpecVersion(ctx.ch, { ...version, signed_by: ctx.actor.id, signed_by_name: ctx.actor.name, signed_at: signedAt });
    await recordActivity(ctx.ch, {
      partnershipId: input.partnershipId, actor: ctx.actor, kind: 'spec_signed',
      subject: { type: 'spec', id: String(input.number) }, params: { number: input.number },
    });
    return { number: input.number, signedAt };
  })),
});
