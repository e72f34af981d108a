// A call named from the portal: call ids are unique per campaign only (the client's own CDR ids can repeat across
// its campaigns), so a page or route names the call by id and, when it knows it, its campaign. Pure: which campaigns
// to look in, and the one call a lookup found or the refusal when the id alone is not enough.
import { z } from 'zod';
import type { Scope } from './scope';

export const callRefInput = z.object({ callId: z.string().min(1).max(256), campaignId: z.string().min(1).max(64).optional() });
export type CallRef = z.infer<typeof callRefInput>;

/** A call id shared by calls of several campaigns in the caller's scope, asked for without its campaign. */
export class AmbiguousCallError extends Error {
  constructor(readonly callId: string) {
    super(`Call id ${callId} is used by calls of several campaigns: name its campaign`);
  }
}

/** The campaigns a lookup may search: the one named when it is in scope (none when it is not), else the whole scope. */
export function campaignsToSearch(scope: Pick<Scope, 'campaignIds'>, campaignId: string | undefined): string[] {
  if (campaignId === undefined) return [...scope.campaignIds];
  return scope.campaignIds.has(campaignId) ? [campaignId] : [];
}

/** The one call found (lookups ask for two at most), undefined for none; several throw `AmbiguousCallError`. */
export function theOneCall<T extends { campaign_id: string }>(ref: CallRef, rows: readonly T[]): T | undefined {
  if (new Set(rows.map((r) => r.campaign_id)).size > 1) throw new AmbiguousCallError(ref.callId);
  return rows[0];
}

/** Query string naming a call's campaign in a portal URL: `?campaign=…`, or nothing. */
export const campaignQuery = (campaignId: string | undefined): string => (campaignId ? `?campaign=${encodeURIComponent(campaignId)}` : '');
