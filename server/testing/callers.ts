// Integration-test helpers: a tRPC caller signed in as a demo account, and the error code of a call.
import { TRPCError } from '@trpc/server';
import type { Clickhouse } from '@/clickhouse/client';
import { userMessageOf } from '@/server/trpc/user-error';
import { authorizeCredentials } from '@/server/auth/credentials';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { createCaller } from '@/server/trpc/root';

export async function callerAs(ch: Clickhouse, email: string, now: () => number = Date.now) {
  const user = await authorizeCredentials(ch, email, DEMO_PASSWORD);
  if (!user) throw new Error(`No demo account ${email}`);
  return createCaller({ ch, user, now });
}

/** 'OK', or the TRPCError code the call failed with. */
export function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
}

/** The refusal of a call: its code, its message key, the field it names and the message's values. */
export async function refusalOf(call: Promise<unknown>): Promise<{ code: string; key?: string; field?: string; vars?: Record<string, string> }> {
  try {
    await call;
    return { code: 'OK' };
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const m = userMessageOf(err);
    return { code: err.code, key: m?.key, field: m?.vars.field, vars: m?.vars };
  }
}
