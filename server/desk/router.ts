// The agent desk's server side: the agent's softphone credentials, its state on the dialer (log in, ready, pause
// with a reason, log out), the disposition of the call it wraps up, and preview (take, dial, skip). Every action
// is the signed-in agent's own, on campaigns it is assigned to; a call and a campaign named together must belong
// together (the call is the agent's current one, of that campaign).
import { z } from 'zod';
import { normalisePhone } from '@/dialer/phone';
import { outsourcerAgents } from '@/dialer/campaigns';
import { mintSipCredentials } from '@/dialer/sip/ephemeral-credentials';
import { agentSipUser, SIP_DOMAIN } from '@/dialer/sip/sip-users';
import { storedCatalogue } from '@/server/campaigns/settings';
import { requireInScope, router } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import { campaignViews, scopedCampaign } from '@/server/campaigns/views';
import { agentProcedure, dialerProcedure } from './desk-procedure';
import { currentSipProxy } from './sip-proxy';
import { currentDialer } from '@/server/dialer/instance';
import { audited } from '@/server/audit/record';
import { deskState, leadView, PAUSE_REASONS, SKIP_REASONS } from './state';
import { agentDay } from './today';
import { iceServersFor, type IceServer } from './ice-servers';
import { serverEnv } from '@/server/startup/env';

/** Ten minutes: long enough for a registration and a few calls' set-up, short enough that a leaked pair soon dies. */
export const DESK_CREDENTIALS_TTL_SECONDS = 600;

export type DeskSipCredentials =
  | { available: true; wsUrl: string; sipUri: string; username: string; password: string; expiresAt: number; iceServers: IceServer[] }
  | { available: false; reason: string };

const campaignId = z.string().min(1).max(128);

/** The agent's campaign, in its scope (checked before anything else), and its runner. */
const onCampaign = agentProcedure.input(z.object({ campaignId })).use(async ({ ctx, input, next }) => {
  const campaign = await scopedCampaign(ctx.ch, ctx.scope, requireInScope(ctx.scope.campaignIds, input.campaignId, 'campaign'));
  if (!campaign) throw userError('NOT_FOUND', 'error.noSuch.campaign');
  const { dialer } = currentDialer();
  if (!dialer) throw userError('PRECONDITION_FAILED', 'error.desk.noDialer');
  return next({ ctx: { campaign, runner: await dialer.runner(campaign.id) } });
});

export const deskRouter = router({
  sipCredentials: agentProcedure.query(async ({ ctx }): Promise<DeskSipCredentials> => {
    const sipUser = agentSipUser(ctx.agentCode);
    // Agent codes are unique within an organization only; the SIP address is one for the whole proxy. Sharing it
    // with another outsourcer's agent would let either register as the other: neither gets credentials.
    if ((await outsourcerAgents(ctx.ch)).some((u) => u.id !== ctx.user.id && agentSipUser(u.agent_code) === sipUser)) {
      throw userError('CONFLICT', 'error.sipUserShared', { code: ctx.agentCode });
    }
    const proxy = currentSipProxy();
    if (!proxy) return { available: false, reason: 'no SIP proxy configured' };
    if (!proxy.secret) return { available: false, reason: 'the SIP proxy shares no secret with the portal (RELAIS_SIP_SECRET)' };
    // The wall clock, not ctx.now: Kamailio checks the expiry against its own.
    const credentials = mintSipCredentials(proxy.secret, sipUser, DESK_CREDENTIALS_TTL_SECONDS, Date.now());
    // Agents behind a NAT reach rtpengine through the TURN server, with credentials of their own.
    const iceServers = iceServersFor(serverEnv(), sipUser, Date.now());
    return { available: true, wsUrl: proxy.ws, sipUri: `sip:${sipUser}@${SIP_DOMAIN}`, ...credentials, iceServers };
  }),

  state: agentProcedure.query(({ ctx }) => deskState(ctx.ch, ctx.scope, ctx.agentCode)),
  /** The agent's own figures today, per campaign, against the campaign's targets. */
  today: agentProcedure.query(({ ctx }) => agentDay(ctx.ch, ctx.scope, ctx.agentCode, ctx.now())),

  /** The softphone registered: the agent joins its campaigns, paused until it says it is ready. */
  login: dialerProcedure.mutation(async ({ ctx }) => {
    await ctx.dialer.deskLogin(ctx.agentCode, agentSipUser(ctx.agentCode));
    return { ok: true };
  }),
  ready: dialerProcedure.mutation(({ ctx }) => {
    ctx.dialer.agentReady(ctx.agentCode);
    return { ok: true };
  }),
  pause: dialerProcedure.input(z.object({ reason: z.enum(PAUSE_REASONS) })).mutation(({ ctx, input }) => {
    ctx.dialer.agentPauseWith(ctx.agentCode, input.reason);
    return { ok: true };
  }),
  logout: dialerProcedure.mutation(async ({ ctx }) => {
    await ctx.dialer.deskLogout(ctx.agentCode);
    return { ok: true };
  }),

  /**
   * The disposition of the call the agent is wrapping up: the call must be the agent's current one of this campaign,
   * the disposition in the campaign's catalogue, a callback set in the future when the disposition asks for one.
   */
  dispose: onCampaign
    .input(z.object({
      callId: z.string().min(1).max(128), disposition: z.string().min(1).max(64), callbackAt: z.number().int().positive().optional(),
      /** The callback is for this agent (default) or for anyone of the campaign. */
      personal: z.boolean().optional(),
    }))
    .mutation(({ ctx, input }): { ok: true } | { ok: false; callbackOutsideHours: true; nextAllowed: number | null } => {
      const call = ctx.runner.agentCall(ctx.agentCode);
      if (!call || call.id !== input.callId) throw userError('NOT_FOUND', 'error.desk.noSuchCall');
      if (call.phase !== 'wrapup') throw userError('CONFLICT', 'error.desk.stillTalking');
      const chosen = storedCatalogue(ctx.campaign).find((d) => d.code === input.disposition);
      if (!chosen) throw userError('BAD_REQUEST', 'error.desk.noSuchDisposition', { field: 'disposition', code: input.disposition });
      if (chosen.callback && !(input.callbackAt && input.callbackAt > ctx.now())) throw userError('BAD_REQUEST', 'error.desk.callbackTime', { field: 'callbackAt' });
      if (chosen.callback) {
        // The contact's calling hours (its zones, the campaign's profile): outside them, the first time allowed is offered.
        const v = ctx.runner.callbackVerdict(ctx.agentCode, input.callbackAt!);
        if (!v.allowed) return { ok: false, callbackOutsideHours: true, nextAllowed: v.next };
      }
      const done = ctx.runner.dispose(ctx.agentCode, {
        disposition: chosen.code, refusal: chosen.refusal, dnc: chosen.dnc, callbackAt: chosen.callback ? input.callbackAt : undefined,
        callbackPersonal: input.personal ?? true,
      });
      if (!done) throw userError('NOT_FOUND', 'error.desk.noSuchCall');
      return { ok: true };
    }),

  /**
   * Puts the agent's call on hold or takes it off (the media relay: the customer hears the hold music, neither
   * hears the other); the time held is the call's `hold_seconds`. The call must be the agent's current one of
   * this campaign, still in conversation.
   */
  hold: onCampaign.input(z.object({ callId: z.string().min(1).max(128), on: z.boolean() })).mutation(async ({ ctx, input }) => {
    const call = ctx.runner.agentCall(ctx.agentCode);
    if (!call || call.id !== input.callId) throw userError('NOT_FOUND', 'error.desk.noSuchCall');
    if (call.phase !== 'talking') throw userError('CONFLICT', 'error.desk.callEnded');
    let result: Awaited<ReturnType<typeof ctx.runner.hold>>;
    try {
      result = await ctx.runner.hold(ctx.agentCode, input.on);
    } catch (err) {
      console.error(`Desk: hold of call ${input.callId}: ${(err as Error).message}`);
      throw userError('INTERNAL_SERVER_ERROR', 'error.desk.holdFailed');
    }
    if (result === 'no_call') throw userError('CONFLICT', 'error.desk.callEnded');
    if (result === 'unsupported') throw userError('PRECONDITION_FAILED', 'error.desk.holdUnsupported');
    return { held: result === 'held' };
  }),

  /** The callbacks waiting in the agent's campaigns: its own, and those for anyone of the campaign. */
  callbacks: agentProcedure.query(async ({ ctx }) => {
    const { dialer } = currentDialer();
    if (!dialer) return [];
    const campaigns = await campaignViews(ctx.ch, ctx.scope);
    const lists = await Promise.all(campaigns.filter((c) => c.direction === 'outbound').map(async (c) =>
      (await dialer.runner(c.id)).callbacksFor(ctx.agentCode).map((cb) => ({ ...cb, campaignId: c.id, code: c.code }))));
    return lists.flat().sort((a, b) => a.at - b.at);
  }),

  /** The agent dials one of the campaign's contacts by its number, through the same compliance rules. */
  manualDial: onCampaign.input(z.object({ phone: z.string().min(1).max(40) })).mutation(async ({ ctx, input }) => {
    const phone = normalisePhone(input.phone, 'FR');
    if (!phone.ok) throw userError('BAD_REQUEST', 'error.desk.badNumber', { field: 'phone', number: input.phone });
    const v = await ctx.runner.preview.manual(ctx.agentCode, phone.e164);
    return v.allowed ? { placed: true as const } : { placed: false as const, rule: v.rule, reason: v.reason, retryAt: v.retryAt ?? null };
  }),

  preview: router({
    /** The next record the rules allow, on the agent's screen (it is "ringing" for the dialer meanwhile). */
    take: onCampaign.mutation(({ ctx }) => {
      const lead = ctx.runner.preview.take(ctx.agentCode);
      return lead ? leadView(lead) : null;
    }),
    /** Dials the record on screen; the rules are checked again now, a refusal answered with its rule. */
    dial: onCampaign.mutation(async ({ ctx }) => {
      if (!ctx.runner.preview.shown(ctx.agentCode)) throw userError('NOT_FOUND', 'error.desk.noRecord');
      const v = await ctx.runner.preview.dial(ctx.agentCode);
      return v.allowed ? { placed: true as const } : { placed: false as const, rule: v.rule, reason: v.reason, retryAt: v.retryAt ?? null };
    }),
    /** Passes on the record on screen, with why: the audit log keeps who skipped which contact and why (cherry-picking shows). */
    skip: onCampaign.input(z.object({ reason: z.enum(SKIP_REASONS) })).mutation(async ({ ctx, input }) => {
      const lead = ctx.runner.preview.shown(ctx.agentCode);
      if (!lead) throw userError('NOT_FOUND', 'error.desk.noRecord');
      await audited(ctx.ch, ctx.user, {
        action: 'preview.skip', subject: { type: 'campaign', id: ctx.campaign.id }, orgIds: [ctx.campaign.outsourcer_org_id],
        summary: ctx.campaign.code, detail: { agent: ctx.agentCode, phone: lead.phone, contact: lead.name, reason: input.reason },
      }, async () => ctx.runner.preview.skip(ctx.agentCode));
      return { ok: true };
    }),
  }),
});
