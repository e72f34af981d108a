// An agent's softphone in a real browser, for the media tests: sip.js (bundled by the test with esbuild)
// registers over WebSocket to Kamailio and answers every call with the browser's own
// SessionDescriptionHandler (getUserMedia audio, ICE, DTLS-SRTP). `window.agent` lets the test read its
// state and its RTCPeerConnection's RTP statistics. Query string: ?ws=ws://…&user=agent-w1&username=…&password=… (the
// ephemeral credentials Kamailio asks of a WebSocket client)
import { Registerer, SessionState, UserAgent, type Invitation } from 'sip.js';

export interface RtpCounts { inboundPackets: number; outboundPackets: number; inboundCodec?: string; transport?: string }

export interface BrowserAgent {
  registered: boolean;
  state: string;
  log: string[];
  /** The SDP of the offer the agent was INVITEd with, and its answer. */
  remoteSdp?: string;
  localSdp?: string;
  stats: () => Promise<RtpCounts | null>;
  hangup: () => Promise<void>;
}

const params = new URLSearchParams(location.search);
let current: Invitation | undefined;

const pc = (): RTCPeerConnection | undefined => (current?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined)?.peerConnection;

const agent: BrowserAgent = {
  registered: false,
  state: 'idle',
  log: [],
  stats: async () => {
    const peer = pc();
    if (!peer) return null;
    const counts: RtpCounts = { inboundPackets: 0, outboundPackets: 0 };
    const report = await peer.getStats();
    report.forEach((s: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number; codecId?: string; dtlsState?: string; iceState?: string }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        counts.inboundPackets += s.packetsReceived ?? 0;
        if (s.codecId) counts.inboundCodec = (report.get(s.codecId) as { mimeType?: string } | undefined)?.mimeType;
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') counts.outboundPackets += s.packetsSent ?? 0;
      if (s.type === 'transport') counts.transport = `dtls ${s.dtlsState}, ice ${s.iceState}`;
    });
    return counts;
  },
  hangup: async () => { if (current?.state === SessionState.Established) await current.bye(); },
};
(window as unknown as { agent: BrowserAgent }).agent = agent;
const note = (line: string) => { agent.log.push(`${new Date().toISOString().slice(11, 23)} ${line}`); };

const ua = new UserAgent({
  uri: UserAgent.makeURI(`sip:${params.get('user')}@relais.local`),
  transportOptions: { server: params.get('ws')! },
  authorizationUsername: params.get('username') ?? undefined,
  authorizationPassword: params.get('password') ?? undefined,
  logLevel: 'warn',
  sessionDescriptionHandlerFactoryOptions: { iceGatheringTimeout: 2000, peerConnectionConfiguration: { iceServers: [] } },
  delegate: {
    onInvite: (invitation) => {
      current = invitation;
      agent.remoteSdp = invitation.body;
      note('INVITE');
      invitation.stateChange.addListener((s) => {
        agent.state = s;
        note(`state ${s}`);
        if (s === SessionState.Established) {
          const peer = pc();
          agent.localSdp = peer?.localDescription?.sdp;
          peer?.addEventListener('iceconnectionstatechange', () => note(`ice ${peer.iceConnectionState}`));
          peer?.addEventListener('connectionstatechange', () => note(`connection ${peer.connectionState}`));
        }
      });
      invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } }).catch((e: Error) => note(`accept failed: ${e.message}`));
    },
  },
});

void (async () => {
  try {
    await ua.start();
    await new Registerer(ua, { expires: 600 }).register({
      requestDelegate: { onAccept: () => { agent.registered = true; note('registered'); }, onReject: (r) => note(`REGISTER refused ${r.message.statusCode}`) },
    });
  } catch (e) {
    note(`start failed: ${(e as Error).message}`);
  }
})();
