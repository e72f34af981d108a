// The address of a call's audio (GET /api/recordings/{callId}): its id and its campaign, as call ids are unique per
// campaign only. Pure, so the player in the browser and the server build it alike.
import { campaignQuery, type CallRef } from '@/server/tenancy/call-ref';

export const recordingUrl = (ref: CallRef): string => `/api/recordings/${encodeURIComponent(ref.callId)}${campaignQuery(ref.campaignId)}`;
