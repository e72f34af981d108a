// A recorded campaign's calls (campaigns.recording, PRODUCT §7): rtpengine captures a call from its bridge on (its
// call is the customer dialog's SIP Call-ID), the bridge's `end` writes the WAV when either leg hangs up
// (dialer/media/relay.ts), and the call's record names it (`recording_path`, relative to the recordings dir).
import type { LiveCall } from '@/dialer/calls/live-calls';
import type { AnsweredLeg } from '@/dialer/sip/dialer-ua';
import type { BridgeMedia } from './bridge';

/** How long a recorded call's record waits for its recording's path (usually written long before: the wrap-up came first). */
export const RECORDING_WAIT_MS = 5_000;

/**
 * Asks the agent's relay to record the call before it is bridged, when the campaign records and the relay can (a
 * relay without a recordings dir leaves the call unrecorded, never unbridged; a call without a relay, a robot
 * agent's swapped SDPs, is not recorded).
 */
export async function recordIfAsked(recording: boolean | undefined, call: LiveCall, leg: AnsweredLeg, media: BridgeMedia | undefined): Promise<void> {
  const sipCallId = leg.dialog?.callId;
  const relay = media?.relay;
  if (!recording || !relay?.record || !relay.recordingOf || !sipCallId) return;
  try {
    await relay.record(sipCallId);
    call.recording = { sipCallId, relay };
  } catch (err) {
    console.error(`Dialer: call ${call.id} not recorded: ${(err as Error).message}`);
  }
}

/**
 * Writes the call's record with its recording's path once known: at once for a call not recorded, after the relay
 * wrote the WAV for a recorded one, and without the path rather than not at all past `waitMs`.
 */
export function withRecordingPath(call: LiveCall, write: (recordingPath?: string) => void, waitMs = RECORDING_WAIT_MS): void {
  if (!call.recording) return write();
  const { sipCallId, relay } = call.recording;
  let done = false;
  const once = (path?: string) => { if (!done) { done = true; clearTimeout(timer); write(path); } };
  const timer = setTimeout(() => once(), waitMs);
  timer.unref?.();
  relay.recordingOf!(sipCallId).then(once, () => once());
}
