// An agent's phone as a SIP endpoint registered to Kamailio: sip.js in Node for tests, the demo and the
// benchmark (the browser softphone of the agent desk registers the same way). It answers every call
// with its own SDP and records what it received, so a test can check that media would flow agent ↔ customer.
import WebSocket from 'ws';
import type { Invitation, UserAgent as UserAgentType } from 'sip.js';
import { SignallingSdh } from './signalling-sdh';
import { SIP_DOMAIN } from './sip-users';
import { keepCredentialsFresh, type SipAuth } from './ua-credentials';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Registerer, RegistererState, SessionState, UserAgent } = require('sip.js') as typeof import('sip.js');

export interface AgentCall { remoteSdp: string; answeredAt: number; ended: Promise<number>; hangup: () => Promise<void> }

export function agentSdp(user: string, port: number): string {
  return ['v=0', `o=${user} 1 1 IN IP4 127.0.0.1`, 's=agent', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP 0`, 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');
}

export class AgentEndpoint {
  readonly calls: AgentCall[] = [];
  private registerer: InstanceType<typeof Registerer> | undefined;
  private stopRenewing: () => void = () => {};

  private constructor(readonly user: string, readonly sdp: string, private readonly ua: UserAgentType) {}

  /** `auth`: the proxy's auth_ephemeral secret, to answer its challenges as `user` (minted here, renewed while it runs). */
  static async register(ws: string, user: string, { domain = SIP_DOMAIN, mediaPort = 40_000, auth }: { domain?: string; mediaPort?: number; auth?: SipAuth } = {}): Promise<AgentEndpoint> {
    const sdp = agentSdp(user, mediaPort);
    let self: AgentEndpoint | undefined;
    const ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${user}@${domain}`),
      transportOptions: { server: ws, connectionTimeout: 5 },
      sessionDescriptionHandlerFactory: () => new SignallingSdh(sdp),
      logLevel: 'error',
      delegate: { onInvite: (invitation) => self?.answer(invitation) },
    });
    self = new AgentEndpoint(user, sdp, ua);
    self.stopRenewing = keepCredentialsFresh(ua.configuration, user, auth);
    try {
      await ua.start();
      await self.registerAgain();
    } catch (err) {
      self.stopRenewing();
      await ua.stop().catch(() => {});
      throw err;
    }
    return self;
  }

  /** (Re-)registers: after a proxy restart its in-memory location table is empty. */
  async registerAgain(): Promise<void> {
    if (!this.ua.isConnected()) await this.ua.reconnect();
    this.registerer ??= new Registerer(this.ua, { expires: 600 });
    await new Promise<void>((resolve, reject) => {
      void this.registerer!.register({
        requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`REGISTER refused with ${r.message.statusCode}`)) },
      }).catch(reject);
    });
  }

  private answer(invitation: Invitation): void {
    let markEnded: (t: number) => void = () => {};
    const ended = new Promise<number>((r) => (markEnded = r));
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.calls.push({
          remoteSdp: (invitation.sessionDescriptionHandler as SignallingSdh | undefined)?.remoteSdp ?? '',
          answeredAt: Date.now(),
          ended,
          hangup: async () => { if (invitation.state === SessionState.Established) await invitation.bye(); },
        });
      }
      if (state === SessionState.Terminated) markEnded(Date.now());
    });
    void invitation.accept().catch(() => {});
  }

  /**
   * Unregisters, then leaves. Bounded: an unregister that gets no answer (it can cross the registration's own
   * refresh) would hold a desk's sign-in for sip.js's 32-s transaction timeout. Past 2 s the socket is closed
   * instead: Kamailio can no longer reach a binding left behind, so a call to the agent goes to the desk alone.
   */
  async stop(): Promise<void> {
    const within = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<void>((r) => setTimeout(r, ms).unref())]);
    const r = this.registerer;
    if (r?.state === RegistererState.Registered) {
      const gone = new Promise<void>((resolve) => r.stateChange.addListener((state) => { if (state !== RegistererState.Registered) resolve(); }));
      await within(Promise.all([r.unregister().catch(() => {}), gone]), 2_000);
    }
    this.stopRenewing();
    await within(Promise.all([this.ua.transport.disconnect().catch(() => {}), this.ua.stop().catch(() => {})]), 2_000);
  }
}
