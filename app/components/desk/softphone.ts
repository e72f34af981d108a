// The agent's softphone in the browser: sip.js over WebSocket to Kamailio, registered as the agent's own SIP user
// with the ephemeral credentials the portal minted (desk.sipCredentials), renewed before they expire (sip.js reads
// them from the options it was built with at each challenge), connected again and registered again when the
// WebSocket drops (a proxy restart, a network change). Calls the dialer puts through are answered at once (the
// agent said it was available), or ring until the agent answers when it turned auto-answer off (the dialer waits a
// few seconds); the microphone goes through WebRTC, the customer's voice plays in `audio`.
import { Registerer, SessionState, UserAgent, type Invitation, type UserAgentOptions } from 'sip.js';
import { dtmfOfKey } from './dtmf';

export interface SipCredentials {
  wsUrl: string; sipUri: string; username: string; password: string; expiresAt: number;
  /** A TURN server (and STUN) for agents behind a NAT, with this agent's credentials; empty on the proxy's network. */
  iceServers?: { urls: string[]; username?: string; credential?: string }[];
}
export type PhoneStatus = 'off' | 'connecting' | 'registered' | 'failed';
export interface RtpCounts { inboundPackets: number; outboundPackets: number; audioLevel: number | null }

/** What DTMF the call in progress sent: asked for, played out by the browser's RTCDTMFSender, still queued. */
export interface DtmfState { sent: string; played: string; toneBuffer: string; canInsertDTMF: boolean }

type Sdh = {
  peerConnection?: RTCPeerConnection; remoteMediaStream?: MediaStream;
  sendDtmf(tones: string, options?: { duration?: number; interToneGap?: number }): boolean;
};

export class Softphone {
  status: PhoneStatus = 'off';
  error = '';
  /** The call in progress (ringing, then answered). */
  session: Invitation | null = null;
  /** A call is ringing and waits for the agent (auto-answer off). */
  ringing = false;
  autoAnswer = true;
  muted = false;
  /** The DTMF digits the agent sent in the call in progress (shown on the call card). */
  dtmfSent = '';
  /** The tones the browser played out (RTCDTMFSender's tonechange), for the e2e test. */
  private dtmfPlayed = '';
  private stopped = false;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private options: UserAgentOptions | null = null;
  private renewal: ReturnType<typeof setTimeout> | undefined;
  private readonly peerConfig: RTCConfiguration = { iceServers: [] };

  constructor(private readonly audio: HTMLAudioElement, private readonly changed: () => void) {}

  /** Registers with `credentials`; `refresh` mints new ones, asked for a minute before they expire. */
  async start(credentials: SipCredentials, refresh: () => Promise<SipCredentials | null>): Promise<void> {
    this.set('connecting');
    this.peerConfig.iceServers = credentials.iceServers ?? [];
    this.options = {
      uri: UserAgent.makeURI(credentials.sipUri),
      transportOptions: { server: credentials.wsUrl },
      authorizationUsername: credentials.username,
      authorizationPassword: credentials.password,
      logLevel: 'warn',
      // Read at each call's set-up: renewed credentials (TURN's included) take effect from the next call.
      sessionDescriptionHandlerFactoryOptions: { iceGatheringTimeout: 2000, peerConnectionConfiguration: this.peerConfig },
      delegate: { onInvite: (invitation) => this.offered(invitation), onDisconnect: () => this.lost() },
    };
    this.scheduleRenewal(credentials.expiresAt, refresh);
    this.ua = new UserAgent(this.options);
    try {
      await this.ua.start();
      this.registerer = new Registerer(this.ua, { expires: 300 });
      await this.registerer.register({
        requestDelegate: {
          onAccept: () => this.set('registered'),
          onReject: (r) => this.set('failed', `${r.message.statusCode} ${r.message.reasonPhrase}`),
        },
      });
    } catch (err) {
      this.set('failed', (err as Error).message);
    }
  }

  private scheduleRenewal(expiresAt: number, refresh: () => Promise<SipCredentials | null>): void {
    clearTimeout(this.renewal);
    this.renewal = setTimeout(() => void refresh().then((c) => {
      if (!c || !this.options) return;
      this.options.authorizationUsername = c.username;
      this.options.authorizationPassword = c.password;
      this.peerConfig.iceServers = c.iceServers ?? [];
      this.scheduleRenewal(c.expiresAt, refresh);
    }), Math.max(5_000, expiresAt - Date.now() - 60_000));
  }

  /** The WebSocket dropped: connect again every 2 s and register again, until it is back or the phone stops. */
  private lost(): void {
    if (this.stopped) return;
    this.set('connecting', 'WebSocket');
    const retry = () => {
      if (this.stopped || !this.ua) return;
      this.ua.reconnect()
        .then(() => this.registerer?.register({ requestDelegate: { onAccept: () => this.set('registered'), onReject: (r) => this.set('failed', `${r.message.statusCode} ${r.message.reasonPhrase}`) } }))
        .catch(() => setTimeout(retry, 2_000));
    };
    setTimeout(retry, 2_000);
  }

  private offered(invitation: Invitation): void {
    // One call at a time: the dialer never puts a second one through to a busy agent.
    if (this.session) { void invitation.reject({ statusCode: 486 }); return; }
    this.session = invitation;
    this.muted = false;
    this.dtmfSent = '';
    this.dtmfPlayed = '';
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.playRemote(invitation);
      if (state === SessionState.Terminated && this.session === invitation) { this.session = null; this.ringing = false; this.audio.srcObject = null; }
      this.changed();
    });
    if (this.autoAnswer) this.answer();
    else { this.ringing = true; this.changed(); }
  }

  /** Picks up the call offered (auto-answer does it at once). */
  answer(): void {
    const invitation = this.session;
    if (!invitation || invitation.state !== SessionState.Initial) return;
    this.ringing = false;
    invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } }).catch((err: Error) => {
      this.error = err.name === 'NotAllowedError' ? 'microphone' : err.message;
      this.changed();
    });
    this.changed();
  }

  private playRemote(invitation: Invitation): void {
    const stream = (invitation.sessionDescriptionHandler as Sdh | undefined)?.remoteMediaStream;
    if (!stream) return;
    this.audio.srcObject = stream;
    void this.audio.play().catch(() => {});
  }

  async hangup(): Promise<void> {
    const s = this.session;
    if (s?.state === SessionState.Established) await s.bye();
  }

  mute(on: boolean): void {
    const pc = (this.session?.sessionDescriptionHandler as Sdh | undefined)?.peerConnection;
    pc?.getSenders().forEach((sender) => { if (sender.track) sender.track.enabled = !on; });
    this.muted = on;
    this.changed();
  }

  private sender(): RTCRtpSender | undefined {
    return (this.session?.sessionDescriptionHandler as Sdh | undefined)?.peerConnection?.getSenders()[0];
  }

  /**
   * Sends DTMF tones (0-9 * #) in the established call: RFC 4733 telephone-events through the browser's
   * RTCDTMFSender (sip.js's `SessionDescriptionHandler.sendDtmf`, which calls `insertDTMF`), which rtpengine relays
   * to the customer's RTP when both legs negotiated telephone-event. False when nothing could be sent (no call, or
   * no telephone-event in the call's codecs).
   */
  dtmf(tones: string): boolean {
    const s = this.session;
    const digits = [...tones].map(dtmfOfKey).filter((d) => d !== null).join('');
    if (!digits || s?.state !== SessionState.Established) return false;
    const sdh = s.sessionDescriptionHandler as Sdh | undefined;
    const sender = this.sender()?.dtmf;
    if (sender && !sender.ontonechange) sender.ontonechange = (e) => { if (e.tone) { this.dtmfPlayed += e.tone; } };
    // insertDTMF replaces the tones still queued (RTCDTMFSender's toneBuffer) instead of adding to them: keys typed
    // faster than the tones play would be lost, so what is still queued goes first. 100 ms tones, 70 ms apart.
    if (!sdh?.sendDtmf((sender?.toneBuffer ?? '') + digits, { duration: 100, interToneGap: 70 })) return false;
    this.dtmfSent += digits;
    this.changed();
    return true;
  }

  /** The DTMF of the call in progress: sent, played, still queued, and whether the call can carry it at all. */
  dtmfState(): DtmfState | null {
    const sender = this.sender()?.dtmf;
    if (!sender) return null;
    return { sent: this.dtmfSent, played: this.dtmfPlayed, toneBuffer: sender.toneBuffer, canInsertDTMF: sender.canInsertDTMF };
  }

  /** RTP counters and the received audio level of the call in progress (the e2e test reads them). */
  async stats(): Promise<RtpCounts | null> {
    const pc = (this.session?.sessionDescriptionHandler as Sdh | undefined)?.peerConnection;
    if (!pc) return null;
    const counts: RtpCounts = { inboundPackets: 0, outboundPackets: 0, audioLevel: null };
    (await pc.getStats()).forEach((s: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number; audioLevel?: number; totalAudioEnergy?: number }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        counts.inboundPackets += s.packetsReceived ?? 0;
        if (s.audioLevel !== undefined) counts.audioLevel = Math.max(counts.audioLevel ?? 0, s.audioLevel);
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') counts.outboundPackets += s.packetsSent ?? 0;
    });
    return counts;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.renewal);
    await this.hangup().catch(() => {});
    await this.registerer?.unregister().catch(() => {});
    await this.ua?.stop().catch(() => {});
    this.ua = null;
    this.set('off');
  }

  private set(status: PhoneStatus, error = ''): void {
    this.status = status;
    this.error = error;
    this.changed();
  }
}
