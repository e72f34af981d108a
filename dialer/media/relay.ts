// The media of a bridged call through rtpengine, driven over ng by the dialer, which places both legs
// (third-party call control) and so sees both SDPs and knows which one is a browser. Media goes customer ↔
// rtpengine ↔ agent; Node only carries SDP.
//
// Recording: a call asked to be recorded (`record(callId)` before the bridge, or `toAgent(..., { record: true })`)
// is captured by rtpengine from the offer on (`record call: yes`, userspace pcap: see recording.ts); `end`
// deletes the call, which closes the capture, and turns it into the call's WAV under the recordings dir;
// `recordingOf(callId)` gives its path relative to that dir once written (what the call record keeps).
import { announcerAnswer, answerFromAgent, offerToAgent, type AgentKind } from './flags';
import type { NgClient, NgReply } from './ng-client';
import path from 'node:path';
import { findCapture, saveRecording, type SavedRecording } from './recording-store';

/** What the 3PCC bridge needs of a relay (dialer/runner/bridge.ts). */
export interface Relay {
  toAgent(callId: string, customerTag: string, customerSdp: string, agentKind: AgentKind, options?: { record?: boolean }): Promise<string>;
  toCustomer(callId: string, customerTag: string, agentTag: string, agentSdp: string): Promise<string>;
  /** Frees the call (MediaRelay's also writes its recording: `recordingOf`). */
  end(callId: string): Promise<unknown>;
  /** Records the call from its bridge on (a relay without them records nothing). */
  record?(callId: string): Promise<void>;
  /** The relative path of the call's recording once `end` wrote it; undefined when none. */
  recordingOf?(callId: string): Promise<string | undefined>;
  /** Puts a bridged call on hold (`on`) or takes it off: see MediaRelay.hold. */
  hold?(callId: string, customerTag: string, agentTag: string, on: boolean): Promise<void>;
}

export interface MediaRelayOptions {
  /** Where recordings are written (`$RELAIS_DATA_DIR/recordings`); without it no call can be recorded. */
  recordingsDir?: string;
  /** rtpengine's `--recording-dir` when it is on this machine (default `<recordingsDir>/.spool`, as startRtpengine runs it): where a capture started mid-call is found. */
  recordingSpool?: string;
  /** Told when a call to record yields no recording through a fault (rtpengine without a recording dir, a capture that could not be read). */
  onRecordingProblem?: (callId: string, problem: string) => void;
  /** Told of each recording written: its path, length and how many parties' streams were heard. */
  onRecordingSaved?: (callId: string, saved: SavedRecording) => void;
  /** What a customer on hold hears, looped (a WAV: hold-music.ts); without it, silence. */
  holdMusic?: string;
}

/** Loops of the hold music: rtpengine plays a file a given number of times; a hold never lasts that long. */
const HOLD_LOOPS = 10_000;

interface Recording {
  /** rtpengine's capture of the call, from the first reply naming it (`recordings`). */
  pcap?: string;
  ended: boolean;
  result: Promise<string | undefined>;
  settle: (path: string | undefined) => void;
}

/** How long a finished call's recording path waits for `recordingOf` before it is forgotten. */
const KEEP_RESULT_MS = 10 * 60_000;

const sdpOf = (command: string, reply: NgReply): string => {
  if (typeof reply.sdp !== 'string') throw new Error(`rtpengine's reply to '${command}' has no SDP`);
  return reply.sdp;
};

export class MediaRelay implements Relay {
  /** The customer's tag of each call this relay set up: `delete` and `query` name a participant. */
  private readonly customers = new Map<string, string>();
  /** The calls asked to be recorded, until their path is taken by `recordingOf` (or forgotten after KEEP_RESULT_MS). */
  private readonly recordings = new Map<string, Recording>();

  constructor(readonly ng: NgClient, readonly options: MediaRelayOptions = {}) {}

  /**
   * Records the call `callId` (the customer dialog's Call-ID, rtpengine's call): from the bridge's offer when it
   * is not set up yet, at once (`start recording`) when it is. Throws when this relay has no recordings dir.
   */
  async record(callId: string): Promise<void> {
    this.wanted(callId);
    const customerTag = this.customers.get(callId);
    if (customerTag !== undefined) this.noteCapture(callId, await this.ng.startRecording({ 'call-id': callId, 'from-tag': customerTag }));
  }

  /** Resolves to the relative path of the call's recording once `end` wrote it; undefined when it was not recorded or nobody was heard. */
  recordingOf(callId: string): Promise<string | undefined> {
    const r = this.recordings.get(callId);
    if (!r) return Promise.resolve(undefined);
    if (r.ended) this.recordings.delete(callId);
    return r.result;
  }

  /** The SDP to offer the agent, from the customer's: WebRTC for a browser, plain RTP for a desk phone or robot. */
  async toAgent(callId: string, customerTag: string, customerSdp: string, agentKind: AgentKind, options: { record?: boolean } = {}): Promise<string> {
    if (options.record) this.wanted(callId);
    // A recording that ended (a bridge that failed) is not carried over to what the call does next (the message leg).
    const wanted = this.recordings.get(callId);
    const record = wanted !== undefined && !wanted.ended;
    const reply = await this.ng.offer(offerToAgent(callId, customerTag, customerSdp, agentKind, { record }));
    this.customers.set(callId, customerTag);
    this.noteCapture(callId, reply);
    return sdpOf('offer', reply);
  }

  /** The SDP to re-INVITE the customer with, from the agent's answer: RTP/AVP, the G.711 codec the agent chose. */
  async toCustomer(callId: string, customerTag: string, agentTag: string, agentSdp: string): Promise<string> {
    const reply = await this.ng.answer(answerFromAgent(callId, customerTag, agentTag, agentSdp));
    this.noteCapture(callId, reply);
    return sdpOf('answer', reply);
  }

  /**
   * The SDP to re-INVITE a customer nobody answers with, so that rtpengine is in its media path and `play` can send
   * it the abandoned-call message: the customer's SDP offered as to an RTP agent, answered by an announcer that only
   * sends (flags.ts `announcerAnswer`). `end` frees it like a bridged call.
   */
  async toAnnouncement(callId: string, customerTag: string, customerSdp: string): Promise<string> {
    await this.toAgent(callId, customerTag, customerSdp, 'rtp');
    return sdpOf('answer', await this.ng.answer(announcerAnswer(callId, customerTag, customerSdp)));
  }

  /** Plays a media file (any format ffmpeg reads; rtpengine transcodes it) to the participant `tag`; its duration in ms when known. */
  async play(callId: string, tag: string, file: string, repeatTimes?: number): Promise<number | undefined> {
    const reply = await this.ng.playMedia({ 'call-id': callId, 'from-tag': tag, file, 'repeat-times': repeatTimes });
    return typeof reply.duration === 'number' ? reply.duration : undefined;
  }

  async stopPlaying(callId: string, tag: string): Promise<void> {
    await this.ng.stopMedia({ 'call-id': callId, 'from-tag': tag });
  }

  /**
   * Hold, in the relay rather than by re-INVITEs to both phones: rtpengine stops forwarding each party's media to
   * the other (`block media` per participant) and plays the hold music to the customer; taking the call off hold
   * stops the music and forwards again. Neither phone is asked anything, so no SIP failure can drop a held call,
   * and the recording (what rtpengine receives) goes on.
   */
  async hold(callId: string, customerTag: string, agentTag: string, on: boolean): Promise<void> {
    const each = (command: string) => Promise.all([customerTag, agentTag].map((tag) => this.ng.request(command, { 'call-id': callId, 'from-tag': tag })));
    if (on) {
      await each('block media');
      if (this.options.holdMusic) await this.play(callId, customerTag, this.options.holdMusic, HOLD_LOOPS);
      return;
    }
    if (this.options.holdMusic) await this.stopPlaying(callId, customerTag).catch(() => {});
    await each('unblock media');
  }

  /** rtpengine's account of the call: its tags, their streams and packet counts. */
  query(callId: string): Promise<NgReply> {
    return this.ng.query({ 'call-id': callId, 'from-tag': this.customers.get(callId) });
  }

  /**
   * Frees the call's ports at once (no `delete delay`), which closes its capture, then writes its recording when
   * it was recorded; resolves to the recording's relative path (also what `recordingOf` gives).
   */
  async end(callId: string): Promise<string | undefined> {
    const customerTag = this.customers.get(callId);
    this.customers.delete(callId);
    const recording = this.recordings.get(callId);
    const first = recording !== undefined && !recording.ended;
    if (first) recording.ended = true;
    try {
      await this.ng.delete({ 'call-id': callId, 'from-tag': customerTag, 'delete delay': 0 });
    } catch (err) {
      // rtpengine still holds the capture (it closes it when the call times out): nothing to convert now.
      if (first) this.settle(callId, recording, undefined, `no recording: the delete failed (${(err as Error).message})`);
      throw err;
    }
    if (!first) return recording?.result;
    recording.pcap ??= await findCapture(this.options.recordingSpool ?? path.join(this.options.recordingsDir!, '.spool'), callId);
    if (!recording.pcap) {
      this.settle(callId, recording, undefined, 'no recording: rtpengine named no capture (is it started with --recording-dir and --recording-method=pcap?)');
      return undefined;
    }
    try {
      const saved = await saveRecording({ pcap: recording.pcap, recordingsDir: this.options.recordingsDir!, callId });
      if (saved) this.options.onRecordingSaved?.(callId, saved);
      this.settle(callId, recording, saved?.path);
      return saved?.path;
    } catch (err) {
      this.settle(callId, recording, undefined, `no recording: ${(err as Error).message}`);
      return undefined;
    }
  }

  private wanted(callId: string): Recording {
    if (!this.options.recordingsDir) throw new Error('this media relay has no recordings dir: it cannot record a call');
    let r = this.recordings.get(callId);
    // A call bridged again after its relay call ended (an inbound caller back in the queue) is a new recording.
    if (!r || r.ended) {
      let settle!: (path: string | undefined) => void;
      const result = new Promise<string | undefined>((resolve) => (settle = resolve));
      this.recordings.set(callId, (r = { ended: false, result, settle }));
    }
    return r;
  }

  /** rtpengine names the capture file in its replies to a recorded call's offer, answer and `start recording`. */
  private noteCapture(callId: string, reply: NgReply): void {
    const r = this.recordings.get(callId);
    const files = reply.recordings;
    if (r && !r.pcap && Array.isArray(files) && typeof files[0] === 'string') r.pcap = files[0];
  }

  private settle(callId: string, r: Recording, path: string | undefined, problem?: string): void {
    if (problem) this.options.onRecordingProblem?.(callId, problem);
    r.settle(path);
    setTimeout(() => { if (this.recordings.get(callId) === r) this.recordings.delete(callId); }, KEEP_RESULT_MS).unref();
  }
}

export type { AgentKind };
