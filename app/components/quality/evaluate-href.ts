// The evaluate page's address for a call: its id and its campaign (call ids are unique per campaign only).
import { campaignQuery, type CallRef } from '@/server/tenancy/call-ref';

export const evaluateHref = (ref: CallRef): string => `/quality/evaluate/${encodeURIComponent(ref.callId)}${campaignQuery(ref.campaignId)}`;
