// The caller-ID check where a campaign's number is saved (the dialer settings, the campaign form): the number
// must be valid E.164, in the inventory of the campaign's partnership (the outsourcer's own numbers, those it
// holds for this client, the client's own; never another client's), and not a French mobile for an automated
// campaign. The same rule is checked again at every dial (compliance/caller-id.ts), so a number removed from the
// inventory after it was set stops the dialing too.
import type { Clickhouse } from '@/clickhouse/client';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { checkCallerId as checkCallerIdRule, type CallerIdRule } from '@/dialer/compliance/caller-id';

/** A refused caller ID: `rule` names why (the portal words it as `error.callerId.<rule>`). */
export class CallerIdRefused extends Error {
  constructor(readonly rule: CallerIdRule, readonly number: string) {
    super(`Caller ID ${number} refused: ${rule}`);
  }
}

/** The numbers a partnership's campaigns may present. */
export async function partnershipNumbers(ch: Clickhouse, partnershipId: string): Promise<Set<string>> {
  const [partnership] = await tenancy.partnershipsByIds(ch, [partnershipId]);
  return new Set(partnership ? (await numbersSql.numbersOfPartnership(ch, partnership)).map((n) => n.number) : []);
}

/**
 * Throws CallerIdRefused unless `number` may present `campaign`. `automated`: the campaign dials by itself
 * (every outbound mode but preview); by default, any outbound campaign.
 */
export async function checkCallerId(
  ch: Clickhouse, campaign: Pick<Campaign, 'partnership_id' | 'direction'>, number: string, automated = campaign.direction === 'outbound',
): Promise<void> {
  const verdict = checkCallerIdRule(number, await partnershipNumbers(ch, campaign.partnership_id), automated);
  if (!verdict.allowed) throw new CallerIdRefused(verdict.rule, number);
}
