// The abandoned-call message leg (PRODUCT §5): a person who answered and found no agent within 2 s hears a short
// recorded message (who calls, on whose behalf, a number to call back), then the dialer hangs up. With a media
// relay the customer is re-INVITEd through rtpengine, which plays the message (announcer below); the dialer
// hangs up once it has been heard, never later than the campaign's `messageSeconds`. Without one, or when the
// relay fails, the customer hears silence until `messageSeconds`, then the hang-up (as before there was a relay).
import type { Relay } from '@/dialer/media/relay';
import type { MessageFile } from '@/dialer/media/message-audio';
import { messageLanguage, messageText, type MessageFacts, type MessageLanguage } from '@/dialer/media/message-text';
import type { AnsweredLeg, LegEnd } from '@/dialer/sip/dialer-ua';

/** Plays the message on the customer's leg; resolves with its duration in ms once it is playing (undefined: unknown). */
export type Announce = (leg: AnsweredLeg, call: { phone: string; callerId: string | null }) => Promise<number | undefined>;

/** After the message's last word, before the BYE: the end of the audio is not clipped by the hang-up. */
export const MESSAGE_TAIL_MS = 500;

/**
 * Runs the message leg until the leg ends: `play` (when given) starts the message, the dialer hangs up
 * `MESSAGE_TAIL_MS` after it, and at `boundMs` from the start in any case (a message that is too long is cut there;
 * no message or a failed one: silence until then). `onError` hears why a message could not be played.
 */
export async function messageLeg(leg: AnsweredLeg, boundMs: number, play?: () => Promise<number | undefined>, onError: (err: Error) => void = () => {}): Promise<LegEnd> {
  const startedAt = Date.now();
  let over = false;
  const hangUpIn = (ms: number) => setTimeout(() => void leg.hangup(), Math.max(0, ms));
  let timer = hangUpIn(boundMs);
  if (play) {
    play().then((durationMs) => {
      if (over || durationMs === undefined) return;
      const at = Math.min(boundMs, Date.now() - startedAt + durationMs + MESSAGE_TAIL_MS);
      clearTimeout(timer);
      timer = hangUpIn(at - (Date.now() - startedAt));
    }, (err: Error) => onError(err));
  }
  const end = await leg.ended;
  over = true;
  clearTimeout(timer);
  return end;
}

/** What the announcer needs of a relay (dialer/media/relay.ts `MediaRelay`). */
export type AnnouncementRelay = Pick<Relay, 'end'> & {
  toAnnouncement(callId: string, customerTag: string, customerSdp: string): Promise<string>;
  play(callId: string, tag: string, file: string): Promise<number | undefined>;
};

export interface AnnouncerOptions {
  relay: AnnouncementRelay;
  /** The message's audio for a text (dialer/media/message-audio.ts `MessageAudio`, cached by the text's hash). */
  audio: { file(text: string, language: MessageLanguage): Promise<MessageFile> };
  /** Who calls and for whom (the campaign's outsourcer and client); the number to call back is the campaign's caller ID. */
  facts: () => Omit<MessageFacts, 'callbackNumber'>;
}

/**
 * The message played through rtpengine: its audio (spoken in the language of the number called) and the
 * customer's re-INVITE through the relay are prepared together, then `play media`; the relay's call is deleted
 * when the leg ends, or at once when the customer refuses the re-INVITE.
 */
export function announcer({ relay, audio, facts }: AnnouncerOptions): Announce {
  return async (leg, { phone, callerId }) => {
    const language = messageLanguage(phone);
    const message = audio.file(messageText({ ...facts(), callbackNumber: callerId }, language), language);
    message.catch(() => {}); // awaited below, unless the re-INVITE fails first
    // rtpengine's call is the customer's dialog, its participant the customer's tag (as for a bridge: bridge.ts).
    const callId = leg.dialog?.callId;
    const customerTag = leg.dialog?.remoteTag;
    if (!callId || !customerTag) throw new Error('the customer\'s leg has no dialog to name it to rtpengine');
    const release = () => relay.end(callId).catch(() => {});
    try {
      const sdp = await relay.toAnnouncement(callId, customerTag, leg.remoteSdp);
      await leg.reoffer(sdp);
    } catch (err) {
      await release();
      throw err;
    }
    void leg.ended.then(release);
    const { file, durationMs } = await message;
    return (await relay.play(callId, customerTag, file)) ?? durationMs;
  };
}
