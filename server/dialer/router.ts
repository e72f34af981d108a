// Manager controls of the dialer: per campaign, start / pause / stop (an inbound line opens and closes), dial
// mode and pacing target changed live, the campaign's number, and what the dialer is doing (lines, dial level,
// abandon rate, inbound queue, agents by state, leads). Settings are saved even when no dialer runs in this
// process, so they apply as soon as one starts.
import { latestTargets } from '@/clickhouse/queries/targets';
import { ABANDON_CAP, pacingAbandonTarget } from '@/dialer/compliance/abandon-cap';
import { changeTargets } from '@/server/workspace/targets-change';
import { DIAL_MODES, settingsChange, settingsWith } from '@/dialer/runner/settings';
import { idleReason } from '@/dialer/runner/idle-reason';
import { CallerIdRefused } from '@/dialer/owned-numbers';
import { windowChangeRefusal } from '@/dialer/compliance/widened-window';
import { loadSettings, NumberTakenError, saveSettingsChange } from '@/dialer/settings-store';
import { callerIdError } from '@/server/numbers/caller-id';
import { campaignViews } from '@/server/campaigns/views';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import { outsourcerCampaignProcedure, roleProcedure, router } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { currentDialer } from './instance';
import { audited } from '@/server/audit/record';
import { dialerAuditEntry } from './audit-entry';

export const dialerRouter = router({
  state: roleProcedure(CAMPAIGN_MANAGERS).query(async ({ ctx }) => {
    const { dialer, reason } = currentDialer();
    // The campaigns the caller may drive: the outsourcer's staff only.
    const campaigns = ctx.scope.orgKind === 'outsourcer' ? await campaignViews(ctx.ch, ctx.scope) : [];
    const targets = await latestTargets(ctx.ch, campaigns.map((c) => c.id));
    const rows = await Promise.all(campaigns.map(async (c) => {
      const runner = dialer ? await dialer.runner(c.id) : null;
      const settings = runner ? runner.current : await loadSettings(ctx.ch, c);
      const abandonTarget = pacingAbandonTarget(targets.get(c.id)?.target_abandon_rate);
      const live = runner?.snapshot() ?? null;
      // Why a campaign set to run places no call: the card says so instead of "running".
      const idle = idleReason({
        now: ctx.now(), direction: c.direction, settings, timeZone: c.time_zone, noDialer: dialer ? null : reason, live, nextDueAt: runner?.hopper.nextDueAt(),
      });
      return { id: c.id, code: c.code, partnershipId: c.partnership_id, name: c.name, client: c.client_name, direction: c.direction, timeZone: c.time_zone, settings, abandonTarget, live, idle };
    }));
    // Outbound campaigns first, as the page shows them.
    rows.sort((a, b) => (a.direction === b.direction ? a.code.localeCompare(b.code) : a.direction === 'outbound' ? -1 : 1));
    return { available: dialer !== null, reason: dialer ? '' : reason, abandonCap: ABANDON_CAP, modes: DIAL_MODES, campaigns: rows };
  }),

  configure: outsourcerCampaignProcedure(CAMPAIGN_MANAGERS)
    .input(settingsChange)
    .mutation(async ({ ctx, input }) => {
      const { campaignId, abandonTarget, ...change } = input;
      // The pacing's abandon target is the campaign's (its brief's): a new revision of its targets, in its history.
      if (abandonTarget !== undefined) await changeTargets(ctx.ch, ctx.user, ctx.scope, ctx.campaign, { target_abandon_rate: abandonTarget });
      if (Object.values(change).every((v) => v === undefined)) {
        const { dialer } = currentDialer();
        return dialer ? (await dialer.runner(campaignId)).current : await loadSettings(ctx.ch, ctx.campaign);
      }
      try {
        const before = await loadSettings(ctx.ch, ctx.campaign);
        // Widened calling hours only for a campaign that dials consenting contacts only (PRODUCT §5), with a reason.
        const windowRule = windowChangeRefusal(before, settingsWith({ ...before, ...change }));
        if (windowRule) throw userError('BAD_REQUEST', `error.${windowRule}`);
        const entry = dialerAuditEntry(ctx.campaign, before, change);
        return await audited(ctx.ch, ctx.user, entry, async () => {
          const { dialer } = currentDialer();
          if (dialer) return await dialer.configure(campaignId, change, ctx.user.id);
          return await saveSettingsChange(ctx.ch, ctx.campaign, before, change, ctx.user.id);
        });
      } catch (err) {
        if (err instanceof NumberTakenError) throw userError('CONFLICT', 'error.numberTaken');
        if (err instanceof CallerIdRefused) throw callerIdError(err);
        throw err;
      }
    }),
});

/** Why a running campaign places no call, as the /dialer card words it (app/ reads dialer types through server/). */
export type { IdleReason } from '@/dialer/runner/idle-reason';
