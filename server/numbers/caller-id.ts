// The caller-ID check for the portal's forms: `checkCallerId` (dialer/owned-numbers.ts) throws CallerIdRefused;
// `assertCallerId` words that refusal for the person (FR/EN, the number named).
import type { Clickhouse } from '@/clickhouse/client';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import { CallerIdRefused, checkCallerId } from '@/dialer/owned-numbers';
import { userError } from '@/server/trpc/user-error';

export { CallerIdRefused, checkCallerId };

export function callerIdError(err: CallerIdRefused) {
  return userError('BAD_REQUEST', `error.callerId.${err.rule}`, { number: err.number });
}

/** checkCallerId, its refusal as a tRPC error the portal shows in the user's language. */
export async function assertCallerId(ch: Clickhouse, campaign: Pick<Campaign, 'partnership_id' | 'direction'>, number: string, automated?: boolean): Promise<void> {
  try {
    await checkCallerId(ch, campaign, number, automated);
  } catch (err) {
    throw err instanceof CallerIdRefused ? callerIdError(err) : err;
  }
}
