// The recordings' API: what the player asks about a call's recording (info), who listened (playbacks, the
// playback log), and the partnership's policy — may the client listen, how long the audio is kept — which both
// sides read and only the outsourcer's managers and admins change (audited). Access is the one rule of access.ts,
// applied by locateRecording.
import { z } from 'zod';
import { playbacksInRange, playbacksOfCall, policiesOf, putPolicy } from '@/clickhouse/queries/recordings';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { audited } from '@/server/audit/record';
import { checkKpiRange } from '@/server/kpi/range';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import { outsourcerProcedure, requireInScope, router, scopedProcedure } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { refusingAmbiguousCall } from '@/server/trpc/call-ref';
import { callRefInput } from '@/server/tenancy/call-ref';
import { memberProcedure, partnershipInput } from '@/server/workspace/procedures';
import { RECORDING_SUPERVISORS } from './access';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, policyFields, policyOf } from './policy';
import { locateRecording, recordingSeconds } from './recording-file';
import { recordingUrl } from './recording-url';

const PLAYBACK_LINES = 500;

const playbackLine = (orgId: string) => (r: Awaited<ReturnType<typeof playbacksOfCall>>[number]) => ({
  id: r.id, at: r.at, callId: r.call_id, campaignId: r.campaign_id, userName: r.user_name, userEmail: r.user_email, role: r.role,
  side: r.user_org_id === orgId ? ('outsourcer' as const) : ('client' as const),
});

export const recordingsRouter = router({
  /** Whether the call has a recording, whether the caller may hear it, whether it expired (and when), its length, its URL. */
  info: scopedProcedure.input(callRefInput).query(async ({ ctx, input }) => {
    const located = await refusingAmbiguousCall(() => locateRecording(ctx.ch, ctx.scope, input));
    if (!located) throw userError('NOT_FOUND', 'error.noSuch.recording');
    const playable = located.mayListen && located.expiredAt === null && located.file !== null;
    return {
      callId: input.callId,
      hasRecording: located.recorded,
      mayListen: located.mayListen,
      expired: located.expiredAt !== null,
      /** Epoch ms of the purge that deleted the audio, null while kept. */
      expiredAt: located.expiredAt,
      /** The file is there to play (a recording can be missing from disk without having expired). */
      available: playable,
      durationSeconds: playable ? await recordingSeconds(located.file!, located.size!) : null,
      url: playable ? recordingUrl({ callId: input.callId, campaignId: located.campaignId }) : null,
    };
  }),

  /** Who listened to a call's recording, newest first: the outsourcer's managers, quality staff and admins. */
  playbacks: outsourcerProcedure(RECORDING_SUPERVISORS, 'error.recordingPlaybacksOutsourcer').input(callRefInput).query(async ({ ctx, input }) => {
    const located = await refusingAmbiguousCall(() => locateRecording(ctx.ch, ctx.scope, input));
    if (!located || !located.mayListen) throw userError('NOT_FOUND', 'error.noSuch.recording');
    return (await playbacksOfCall(ctx.ch, located.orgId, located.campaignId, located.callId, PLAYBACK_LINES)).map(playbackLine(ctx.scope.orgId));
  }),

  /** Every playback of the organization's calls over a period (the audit page's view), newest first. */
  playbackLog: outsourcerProcedure(RECORDING_SUPERVISORS, 'error.recordingPlaybacksOutsourcer')
    .input(z.object({ from: z.number(), to: z.number() }).superRefine(checkKpiRange))
    .query(async ({ ctx, input }) => {
      const rows = await playbacksInRange(ctx.ch, ctx.scope.orgId, [...ctx.scope.campaignIds], input.from, input.to, PLAYBACK_LINES + 1);
      return { lines: rows.slice(0, PLAYBACK_LINES).map(playbackLine(ctx.scope.orgId)), more: rows.length > PLAYBACK_LINES };
    }),

  /** The partnership's policy, for both sides (agents excepted), and whether the caller may change it. */
  policy: memberProcedure.query(async ({ ctx, input }) => {
    const [partnership] = await tenancy.partnershipsByIds(ctx.ch, [input.partnershipId]);
    const [row] = await policiesOf(ctx.ch, [input.partnershipId]);
    return {
      ...policyOf(row),
      minRetentionDays: MIN_RETENTION_DAYS,
      maxRetentionDays: MAX_RETENTION_DAYS,
      canEdit: ctx.scope.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(ctx.scope.role) && partnership?.outsourcer_org_id === ctx.scope.orgId,
    };
  }),

  /** Changes the partnership's policy: its outsourcer's managers and admins only; audited for both sides' admins. */
  setPolicy: outsourcerProcedure(CAMPAIGN_MANAGERS, 'error.recordingPolicyOutsourcer')
    .input(partnershipInput.extend(policyFields.shape))
    .mutation(async ({ ctx, input }) => {
      requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'workspace');
      const [partnership] = await tenancy.partnershipsByIds(ctx.ch, [input.partnershipId]);
      if (!partnership || partnership.outsourcer_org_id !== ctx.scope.orgId) throw userError('NOT_FOUND', 'error.noSuch.workspace');
      const before = policyOf((await policiesOf(ctx.ch, [partnership.id]))[0]);
      const after = { clientMayListen: input.clientMayListen, retentionDays: input.retentionDays };
      if (before.clientMayListen === after.clientMayListen && before.retentionDays === after.retentionDays && before.changedAt !== null) return { changed: false };
      const now = Date.now();
      await audited(ctx.ch, ctx.user, {
        action: 'recording.policy', subject: { type: 'partnership', id: partnership.id }, orgIds: [partnership.outsourcer_org_id, partnership.client_org_id],
        summary: partnership.name,
        // Per setting, as the audit page shows a change: "clientMayListen: false → true · retentionDays: 180 → 90".
        detail: {
          clientMayListen: { before: before.clientMayListen, after: after.clientMayListen },
          retentionDays: { before: before.retentionDays, after: after.retentionDays },
        },
      }, () => putPolicy(ctx.ch, {
        partnership_id: partnership.id, client_may_listen: after.clientMayListen, retention_days: after.retentionDays,
        changed_by: ctx.user.id, changed_by_name: ctx.user.name, changed_at: now,
      }), now);
      return { changed: true };
    }),
});
