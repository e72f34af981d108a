// The dialer's SIP user agent: sip.js in Node over WebSocket to Kamailio, signalling only. It places
// customer and agent legs, re-INVITEs a leg with another's SDP (third-party call control, RFC 3725) and
// reports how each ended in the terms of the call record (PRODUCT §4 outcomes). It also answers the calls
// customers make to the campaigns' numbers, which it registers with the proxy as their address of record.
import WebSocket from 'ws';
import type { Invitation, Registerer as RegistererType, Session, UserAgent as UserAgentType } from 'sip.js';
import { holdSdp, SignallingSdh } from './signalling-sdh';
import { DIALER_SIP_USER, SIP_DOMAIN } from './sip-users';
import { keepCredentialsFresh, type SipAuth } from './ua-credentials';

// sip.js's transport uses the browser's global WebSocket; Node 20 has none, `ws` is API-compatible.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Inviter, Registerer, SessionState, UserAgent } = require('sip.js') as typeof import('sip.js');

/**
 * How a leg ended: `unreachable` when its far end stopped answering the keepalive probes (a phone or trunk
 * gone without a BYE); `endedAt` is then when the first unanswered probe was sent.
 */
export interface LegEnd { endedAt: number; by: 'remote' | 'local' | 'transport' | 'unreachable' }

/**
 * In-dialog keepalive of every established leg: an INFO every `intervalMs`; a far end that answers nothing
 * within `timeoutMs`, or answers that the dialog or the route is gone, has vanished. Without it a customer
 * whose line drops silently would keep an agent on the call for good (there is no media in Node to notice).
 */
export interface Keepalive { intervalMs: number; timeoutMs: number }

export const DEFAULT_KEEPALIVE: Keepalive = { intervalMs: 60_000, timeoutMs: 10_000 };

/** The keepalive probing every `seconds` (RELAIS_SIP_KEEPALIVE_SECONDS; 0 turns it off), the default when unset. */
export function keepaliveEvery(seconds: number | undefined): Keepalive | null {
  if (seconds === undefined) return DEFAULT_KEEPALIVE;
  return seconds === 0 ? null : { intervalMs: seconds * 1000, timeoutMs: Math.min(DEFAULT_KEEPALIVE.timeoutMs, seconds * 500) };
}

/**
 * What a probe's final response says of the far end. Any answer proves it is there (a 405 or 469 from a phone
 * that does not take INFO included), except 481 (the dialog is unknown there: it was torn down), 408 (a proxy
 * on the way timed out) and 477 (a proxy could not send it on).
 */
export function probeVerdict(status: number): 'alive' | 'gone' {
  return status === 408 || status === 481 || status === 477 ? 'gone' : 'alive';
}

/** A dialog's SIP identifiers: the media relay names a call and its participants by them. */
export interface DialogIds { callId: string; localTag: string; remoteTag: string }

export interface AnsweredLeg {
  answeredAt: number;
  remoteSdp: string;
  /** The dialog's identifiers (absent for legs made up by tests). */
  dialog?: DialogIds;
  /** Re-INVITEs this leg with `sdp` as our offer; resolves with the far end's answer. */
  reoffer: (sdp: string) => Promise<string>;
  hangup: () => Promise<void>;
  /** Settles when the call ends, by either side or because the connection to the proxy was lost. */
  ended: Promise<LegEnd>;
}
export type DialResult =
  | { outcome: 'answered'; startedAt: number; leg: AnsweredLeg }
  | { outcome: 'busy' | 'no_answer' | 'failed'; startedAt: number; endedAt: number; status: number };

export interface DialOptions {
  ringTimeoutMs?: number;
  /** The offer the INVITE carries; a hold offer by default (the customer is bridged later). */
  offerSdp?: string;
}

/** A customer calling one of the campaigns' numbers, not answered yet. */
export interface IncomingCall {
  /** The caller's number as the network gave it (the From user). */
  from: string;
  /** The number called (the To user): which campaign the call is for. */
  to: string;
  arrivedAt: number;
  /** Answers (the caller is then in the queue, hearing its announcement) and gives the leg to bridge. */
  answer: () => Promise<AnsweredLeg>;
  /** Refuses the call: 404 for a number no campaign owns, 480 for a closed line. */
  reject: (status: 404 | 480) => Promise<void>;
}

/** SIP final responses in the ingest contract's outcomes. */
export function outcomeOfStatus(status: number, cancelledByUs: boolean): 'busy' | 'no_answer' | 'failed' {
  if (cancelledByUs || status === 408 || status === 480 || status === 487) return 'no_answer';
  if (status === 486 || status === 600) return 'busy';
  return 'failed';
}

/** How long an answered incoming call waits for the caller's ACK before the dialer goes on. */
const ACK_WAIT_MS = 2_000;

export class DialerUserAgent {
  private readonly offers = new WeakMap<object, string>();
  private readonly live = new Set<() => void>();
  private connected = true;
  private stopping = false;
  /** The campaigns' numbers registered to this user agent, by number. */
  private readonly numbers = new Map<string, RegistererType>();
  /** Called when the WebSocket to the proxy drops or comes back. */
  onConnectionChange: (connected: boolean) => void = () => {};
  /** A customer calls a registered number; refused 404 until a handler is set. */
  onIncoming: (call: IncomingCall) => void = (call) => void call.reject(404);

  private stopRenewing: () => void = () => {};

  private constructor(private readonly ua: UserAgentType, private readonly domain: string, private readonly keepalive: Keepalive | null) {}

  /**
   * `auth`: the proxy's auth_ephemeral secret; the user agent then answers its challenges with credentials for
   * `user`, minted here and renewed while it runs (a proxy that asks for none needs none).
   */
  static async connect(ws: string, { user = DIALER_SIP_USER, domain = SIP_DOMAIN, keepalive = DEFAULT_KEEPALIVE, auth }: { user?: string; domain?: string; keepalive?: Keepalive | null; auth?: SipAuth } = {}): Promise<DialerUserAgent> {
    let self: DialerUserAgent | undefined;
    const ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${user}@${domain}`),
      transportOptions: { server: ws, connectionTimeout: 5 },
      sessionDescriptionHandlerFactory: (session: Session) => new SignallingSdh(self?.offers.get(session) ?? holdSdp()),
      logLevel: 'error',
      delegate: {
        onDisconnect: () => self?.lost(),
        onConnect: () => { if (self) { self.connected = true; self.onConnectionChange(true); } },
        onInvite: (invitation) => self?.incoming(invitation),
      },
    });
    self = new DialerUserAgent(ua, domain, keepalive);
    self.stopRenewing = keepCredentialsFresh(ua.configuration, user, auth);
    try {
      await ua.start();
    } catch (err) {
      self.stopRenewing();
      throw err;
    }
    return self;
  }

  get isConnected(): boolean {
    return this.connected && this.ua.isConnected();
  }

  /** The proxy is gone: every call in progress is over for us (its dialog can no longer be reached). */
  private lost(): void {
    if (!this.connected || this.stopping) return;
    this.connected = false;
    for (const end of [...this.live]) end();
    this.onConnectionChange(false);
  }

  /** One attempt to reconnect; false while the proxy is still down. */
  async reconnect(): Promise<boolean> {
    if (this.stopping) return false;
    try {
      await this.ua.reconnect();
      this.connected = true;
      // A restarted proxy has forgotten its location table: the numbers register again.
      await this.registerNumbers([...this.numbers.keys()], true).catch(() => {});
      return true;
    } catch {
      return false;
    }
  }

  /** Calls `user` (a customer's number or a registered agent) and settles at the first final answer. */
  dial(user: string, { ringTimeoutMs = 25_000, offerSdp }: DialOptions = {}): Promise<DialResult> {
    const startedAt = Date.now();
    const target = UserAgent.makeURI(`sip:${user}@${this.domain}`);
    if (!target || !this.isConnected) return Promise.resolve({ outcome: 'failed', startedAt, endedAt: startedAt, status: 0 });
    const inviter = new Inviter(this.ua, target);
    if (offerSdp) this.offers.set(inviter, offerSdp);
    return new Promise<DialResult>((resolve) => {
      let status = 0;
      let cancelled = false;
      let answered = false;
      let settled = false;
      let endedBy: LegEnd['by'] = 'remote';
      let endedAt: number | undefined;
      let markEnded: (v: LegEnd) => void = () => {};
      const ended = new Promise<LegEnd>((r) => (markEnded = r));
      const finish = (by: LegEnd['by']) => {
        if (settled) return;
        settled = true;
        this.live.delete(onLost);
        clearTimeout(timer);
        if (answered) markEnded({ endedAt: endedAt ?? Date.now(), by });
        // sip.js terminates the session before it hands the final response to our delegate.
        else setImmediate(() => resolve({ outcome: by === 'transport' ? 'failed' : outcomeOfStatus(status, cancelled), startedAt, endedAt: Date.now(), status }));
      };
      const onLost = () => finish('transport');
      this.live.add(onLost);
      // Ring time is ours to bound (compliance: at least 15 s before a no-answer, set by the caller).
      const timer = setTimeout(() => { cancelled = true; void inviter.cancel().catch(() => {}); }, ringTimeoutMs);
      inviter.stateChange.addListener((state) => {
        if (state === SessionState.Established && !answered) {
          clearTimeout(timer);
          answered = true;
          resolve({ outcome: 'answered', startedAt, leg: this.answeredLeg(inviter, ended, () => { endedBy = 'local'; }, (at) => { endedAt = at; finish('unreachable'); }) });
        }
        if (state === SessionState.Terminated) finish(endedBy);
      });
      inviter.invite({ requestDelegate: { onReject: (response) => { status = response.message.statusCode ?? 0; } } })
        .catch(() => finish('local'));
    });
  }

  /**
   * Registers each number as an address of record pointing at this user agent, so that the proxy routes the
   * calls made to it here; numbers no longer given are unregistered. `again`: after a proxy restart.
   */
  async registerNumbers(numbers: readonly string[], again = false): Promise<void> {
    const wanted = new Set(numbers);
    for (const [number, registerer] of this.numbers) {
      if (wanted.has(number)) continue;
      this.numbers.delete(number);
      await registerer.unregister().catch(() => {});
    }
    await Promise.all([...wanted].map(async (number) => {
      if (this.numbers.has(number) && !again) return;
      const toUri = UserAgent.makeURI(`sip:${number}@${this.domain}`);
      if (!toUri) throw new Error(`not a SIP user: ${number}`);
      const registerer = this.numbers.get(number) ?? new Registerer(this.ua, { expires: 600, params: { toUri } });
      this.numbers.set(number, registerer);
      await new Promise<void>((resolve, reject) => {
        void registerer.register({
          requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`REGISTER ${number} refused with ${r.message.statusCode}`)) },
        }).catch(reject);
      });
    }));
  }

  private incoming(invitation: Invitation): void {
    const arrivedAt = Date.now();
    let markEnded: (v: LegEnd) => void = () => {};
    const ended = new Promise<LegEnd>((r) => (markEnded = r));
    let endedBy: LegEnd['by'] = 'remote';
    const onLost = () => { endedBy = 'transport'; markEnded({ endedAt: Date.now(), by: 'transport' }); };
    this.live.add(onLost);
    invitation.stateChange.addListener((state) => {
      if (state !== SessionState.Terminated) return;
      this.live.delete(onLost);
      markEnded({ endedAt: Date.now(), by: endedBy });
    });
    this.onIncoming({
      from: invitation.remoteIdentity.uri.user ?? '',
      to: invitation.request.to.uri.user ?? '',
      arrivedAt,
      answer: async () => {
        // The leg is ours once the caller ACKed our 200: a re-INVITE sent before (the bridge, at once when an agent is
        // free) makes sip.js take the late ACK for an answer-less one and hang up (seen under load). Bounded wait:
        // a caller whose ACK is lost is still handled by the dialog's own timers.
        const acked = new Promise<void>((resolve) => {
          invitation.delegate = { ...invitation.delegate, onAck: () => resolve() };
          setTimeout(resolve, ACK_WAIT_MS).unref();
        });
        await invitation.accept();
        await acked;
        const vanished = (endedAt: number) => {
          this.live.delete(onLost);
          markEnded({ endedAt, by: 'unreachable' });
        };
        return { ...this.answeredLeg(invitation, ended, () => { endedBy = 'local'; }, vanished), answeredAt: Date.now() };
      },
      reject: (status) => invitation.reject({ statusCode: status }).catch(() => {}),
    });
  }

  /** The leg's controls, with the keepalive probing it until it ends; `vanished` ends it on our side. */
  private answeredLeg(session: Session, ended: Promise<LegEnd>, hangingUp: () => void, vanished: (endedAt: number) => void): AnsweredLeg {
    if (this.keepalive) probeUntilEnded(session, ended, this.keepalive, vanished);
    return legControls(session, ended, hangingUp);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const registerer of this.numbers.values()) await registerer.unregister().catch(() => {});
    this.stopRenewing();
    await this.ua.stop();
  }
}

/** The controls of an established call, placed or answered, in the terms the 3PCC bridge uses. */
function legControls(session: Session, ended: Promise<LegEnd>, hangingUp: () => void): AnsweredLeg {
  const sdh = () => session.sessionDescriptionHandler as SignallingSdh | undefined;
  const dialog = session.dialog;
  return {
    answeredAt: Date.now(),
    remoteSdp: sdh()?.remoteSdp ?? '',
    dialog: dialog && { callId: dialog.callId, localTag: dialog.localTag, remoteTag: dialog.remoteTag },
    reoffer: (sdp) => new Promise<string>((ok, fail) => {
      const handler = sdh();
      if (!handler || session.state !== SessionState.Established) return fail(new Error('the call has ended'));
      handler.localSdp = sdp;
      session.invite({
        requestDelegate: {
          onAccept: () => ok(handler.remoteSdp ?? ''),
          onReject: (r) => fail(new Error(`re-INVITE refused with ${r.message.statusCode}`)),
        },
      }).catch(fail);
    }),
    hangup: async () => {
      hangingUp();
      if (session.state === SessionState.Established) await session.bye().catch(() => {});
    },
    ended,
  };
}

/** Sends the keepalive INFO on an established dialog until the leg ends or the far end is found gone. */
function probeUntilEnded(session: Session, ended: Promise<LegEnd>, { intervalMs, timeoutMs }: Keepalive, vanished: (endedAt: number) => void): void {
  let over = false;
  let timer: NodeJS.Timeout | undefined;
  void ended.then(() => {
    over = true;
    clearTimeout(timer);
  });
  const probe = () => {
    if (over || session.state !== SessionState.Established) return;
    const sentAt = Date.now();
    let answered = false;
    const verdict = (v: 'alive' | 'gone') => {
      if (answered || over) return;
      answered = true;
      clearTimeout(timer);
      if (v === 'gone') {
        over = true;
        vanished(sentAt);
      } else timer = setTimeout(probe, intervalMs).unref();
    };
    timer = setTimeout(() => verdict('gone'), timeoutMs).unref();
    session.info({
      requestDelegate: {
        onAccept: () => verdict('alive'),
        onReject: (r) => verdict(probeVerdict(r.message.statusCode ?? 0)),
      },
    }).catch(() => verdict('gone'));
  };
  timer = setTimeout(probe, intervalMs).unref();
}
