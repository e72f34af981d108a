// tRPC building blocks: the context, and the procedure types that carry authentication, scope and roles.
// Routers never check tenancy themselves: they start from `scopedProcedure`, whose middleware builds
// the caller's scope once from the session (the Langfuse `protectedProjectProcedure` pattern).
import 'server-only';
import { availableParallelism } from 'node:os';
import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';
import { fieldIssues } from '@/server/campaigns/settings';
import type { Clickhouse } from '@/clickhouse/client';
import type { Role } from '@/clickhouse/vocabulary';
import { scopedCampaign } from '@/server/campaigns/views';
import type { SessionUser } from '@/server/auth/session-user';
import { loadScope } from '@/server/tenancy/load-scope';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { hasRole, type OutsourcerScope, type Scope } from '@/server/tenancy/scope';
import { processSingleton } from '@/clickhouse/process-singleton';
import { MAX_BATCH_CALLS } from './batch';
import { FairShare, TooManyWaiting } from './fair-share';
import type { RefusalKey } from './refusals';
import { userError, userMessageOf } from './user-error';

export interface Context {
  ch: Clickhouse;
  user: SessionUser | null;
  /** The clock "today" and "live" are read from: the wall clock, fixed in tests so they pass at any hour. */
  now: () => number;
}

const t = initTRPC.context<Context>().create({
  // A refused input also carries its field refusals, worded by key (the form shows each next to its field).
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: { ...shape.data, i18n: userMessageOf(error), fields: error.code === 'BAD_REQUEST' && error.cause instanceof ZodError ? fieldIssues(error.cause) : null },
  }),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Procedures running at once, across accounts: the engine spreads each query over every core already. */
export const QUERY_SLOTS = Math.max(2, availableParallelism());
/** Of which one account may hold: half, so that another account's call always finds a slot. */
export const PER_ACCOUNT_RUNNING = Math.max(1, Math.floor(QUERY_SLOTS / 2));
/** Calls one account may have waiting (five full batches) before it is told to slow down. */
export const MAX_WAITING_PER_ACCOUNT = 5 * MAX_BATCH_CALLS;
const fairShare = () => processSingleton('fair-share', () => new FairShare(QUERY_SLOTS, PER_ACCOUNT_RUNNING, MAX_WAITING_PER_ACCOUNT));

const withScope = t.middleware(async ({ ctx, next }) => {
  if (!ctx.user) throw userError('UNAUTHORIZED', 'error.signIn');
  const userId = ctx.user.id;
  try {
    // One account's calls take turns with the others': a batch of heavy queries cannot hold everyone up.
    return await fairShare().run(userId, async () => {
      const scope = await loadScope(ctx.ch, userId);
      if (!scope) throw userError('UNAUTHORIZED', (await tenancy.userById(ctx.ch, userId))?.active === 0 ? 'error.accountInactive' : 'error.accountGone');
      // The stored account decides, not the token: a role changed since sign-in shows at once (home.me included).
      const user = { ...ctx.user!, role: scope.role, orgId: scope.orgId, orgKind: scope.orgKind };
      return next({ ctx: { ...ctx, user, scope } });
    });
  } catch (err) {
    if (err instanceof TooManyWaiting) throw userError('TOO_MANY_REQUESTS', 'error.tooManyWaiting');
    throw err;
  }
});

/** Any signed-in user, with `ctx.scope`. */
export const scopedProcedure = t.procedure.use(withScope);

/** Signed-in users holding one of `roles`. */
export function roleProcedure(roles: readonly Role[]) {
  return scopedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.scope, roles)) throw userError('FORBIDDEN', 'error.reserved', { roles: roles.join(', ') });
    return next();
  });
}

/** An id taken from input must be inside the scope; outside it the object "does not exist". */
export function requireInScope(ids: ReadonlySet<string>, id: string, what: 'campaign' | 'partnership' | 'workspace'): string {
  if (!ids.has(id)) throw userError('NOT_FOUND', `error.noSuch.${what}`);
  return id;
}

/**
 * Signed-in users holding one of `roles`, on one campaign of their scope: `input.campaignId` is checked against
 * the scope and the campaign loaded into `ctx.campaign` (with its outsourcer). Outside the scope it "does not exist".
 */
export function campaignProcedure(roles: readonly Role[]) {
  return roleProcedure(roles)
    .input(z.object({ campaignId: z.string().min(1).max(128) }))
    .use(async ({ ctx, input, next }) => {
      const campaign = await scopedCampaign(ctx.ch, ctx.scope, requireInScope(ctx.scope.campaignIds, input.campaignId, 'campaign'));
      if (!campaign) throw userError('NOT_FOUND', 'error.noSuch.campaign');
      return next({ ctx: { campaign } });
    });
}

/**
 * Users of an outsourcer organization holding one of `roles`, with `ctx.scope` typed as theirs. A client's user is
 * refused FORBIDDEN with `refusal`: what the procedure is, worded for them (`error.outsourcerOnly` by default). The
 * one place that check is made: a procedure reserved to the contact center starts from here, not from its own `if`.
 */
export function outsourcerProcedure(roles: readonly Role[], refusal: RefusalKey = 'error.outsourcerOnly') {
  return roleProcedure(roles).use(({ ctx, next }) => {
    if (ctx.scope.orgKind !== 'outsourcer') throw userError('FORBIDDEN', refusal);
    return next({ ctx: { scope: ctx.scope as OutsourcerScope } });
  });
}

/**
 * `campaignProcedure` for what only the campaign's outsourcer does (settings, dialer, CDR import): the campaign is
 * first checked against the scope (outside it, it "does not exist"); then a user of the client side, who sees the
 * campaign, is refused FORBIDDEN with `refusal`.
 */
export function outsourcerCampaignProcedure(roles: readonly Role[], refusal: RefusalKey = 'error.outsourcerOnly') {
  return campaignProcedure(roles).use(({ ctx, next }) => {
    if (ctx.scope.orgKind !== 'outsourcer' || ctx.campaign.outsourcer_org_id !== ctx.scope.orgId) throw userError('FORBIDDEN', refusal);
    return next({ ctx: { scope: ctx.scope as OutsourcerScope } });
  });
}

export type { OutsourcerScope, Scope };
