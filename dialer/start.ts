// Start-up of the co-located dialer. With a proxy's WebSocket it connects to it; with `withSip` it first starts
// the local stack (Kamailio, the SIPp customer mix with human durations as trunk), runs the caller's `prepare`
// step (the portal gives the demo's outbound campaigns made-up leads there), and registers the phones of the demo's
// agents at work (`robotAgents`) as sip.js endpoints that answer by themselves, so the demo dials end to end on one machine.
import path from 'node:path';
import type { Clickhouse } from '@/clickhouse/client';
import { outsourcerAgents } from './campaigns';
import { Dialer } from './dialer';
import type { RecordSink } from './records/record-sink';
import { AgentEndpoint } from './sip/agent-endpoint';
import type { Keepalive } from './sip/dialer-ua';
import { writeDemoCustomers } from './sip/demo-scenario';
import { agentSipUser } from './sip/sip-users';
import { ensureEspeak, ensureRtpengine, ensureSipTools, startKamailio, startRtpengine, startSipp, type Running } from './sip/local-stack';
import { writeHoldMusic } from './media/hold-music';
import { MediaRelay } from './media/relay';
import { MessageAudio } from './media/message-audio';
import { NgClient } from './media/ng-client';

/**
 * The proxy the agents' softphones register to, and the auth_ephemeral secret it shares with the portal, which
 * mints each signed-in agent credentials for its own SIP user (null secret: the proxy authenticates nobody).
 */
export interface SipProxy { ws: string; secret: string | null }

export interface StartedDialer { dialer: Dialer | null; message: string; sip: SipProxy | null; stop: () => Promise<void> }

export interface DialerStart {
  sink: RecordSink;
  /** The proxy to connect to (RELAIS_SIP_WS). */
  sipWs?: string;
  /** That proxy's auth_ephemeral secret (RELAIS_SIP_SECRET); the local stack draws its own. */
  sipSecret?: string;
  /** Start the local stack first (`npm run start:sip`). */
  withSip: boolean;
  dataDir: string;
  /** The local Kamailio's WebSocket port (RELAIS_SIP_WS_PORT); a free one when unset. */
  wsPort?: number;
  keepalive?: Keepalive | null;
  /**
   * With `withSip`: the agents (codes) given a robot phone, the demo's agents at work at its start (DEMO_ROBOT_AGENTS);
   * any other agent, on the dialer only through its desk, cannot take the robots' calls meant for these.
   */
  robotAgents: readonly string[];
  /** Runs once the local stack is up, before the dialer connects; says what it did (for the start-up line). */
  prepare?: () => Promise<string>;
}

export async function startDialer(ch: Clickhouse, o: DialerStart): Promise<StartedDialer> {
  const stack: Running[] = [];
  const phones = new Map<string, AgentEndpoint>();
  let relay: MediaRelay | undefined;
  let messageAudio: MessageAudio | undefined;
  let ng: NgClient | undefined;
  let ws = o.sipWs;
  let secret = o.sipSecret ?? null;
  let note = '';
  if (o.withSip) {
    ensureSipTools();
    const runDir = path.resolve(o.dataDir, 'sip');
    const customers = await startSipp({ runDir, scenario: 'demo-customers', scenarioFile: writeDemoCustomers(runDir) });
    const trunkPort = customers.port;
    stack.push(customers);
    const kamailio = await startKamailio({ runDir, wsPort: o.wsPort || undefined, trunk: `127.0.0.1:${trunkPort}` });
    stack.push(kamailio);
    // The media relay between agents' browsers (WebRTC) and customers' phones (RTP), driven by the dialer.
    ensureRtpengine();
    // It records the calls of campaigns that record (PRODUCT §7) into $RELAIS_DATA_DIR/recordings, one WAV a call.
    const rtpengine = await startRtpengine({ runDir, mediaPorts: 400, recordingsDir: path.join(o.dataDir, 'recordings') });
    stack.push(rtpengine);
    ng = await NgClient.open(rtpengine.ng);
    relay = new MediaRelay(ng, {
      recordingsDir: rtpengine.recordingsDir,
      onRecordingProblem: (callId, problem) => console.warn(`Dialer: call ${callId}: ${problem}`),
      holdMusic: writeHoldMusic(path.join(runDir, 'messages')),
    });
    ensureEspeak();
    messageAudio = new MessageAudio(path.join(runDir, 'messages'));
    ws = kamailio.ws;
    secret = kamailio.secret;
    note = ` (local stack: Kamailio ${ws}, rtpengine ng ${rtpengine.ng}, SIPp customers on 127.0.0.1:${trunkPort}; pid files in ${runDir})`;
    const prepared = await o.prepare?.();
    if (prepared) note += `; ${prepared}`;
  }
  // All at once: a server stopped by SIGTERM has a few seconds before its SIGKILL, and each child may take 3 s.
  const stopStack = async () => { await Promise.all(stack.map((s) => s.stop())); };
  if (!ws) return { dialer: null, message: 'no SIP proxy configured', sip: null, stop: stopStack };
  const auth = secret ? { secret } : undefined;
  const dialer = await Dialer.connect(ch, ws, {
    sink: o.sink, keepalive: o.keepalive, auth, relay, messageAudio,
    // A signed-in agent's browser takes over its extension: the demo's robot phone of that agent unregisters.
    onDeskLogin: async (code) => {
      const robot = phones.get(code);
      phones.delete(code);
      await robot?.stop().catch(() => {});
    },
  });
  if (o.withSip) {
    // Demo only: the phones of the agents at work, auto-answering, until the agent desk brings the browser softphone.
    const robots = (await outsourcerAgents(ch)).filter((a) => o.robotAgents.includes(a.agent_code));
    for (const [i, a] of robots.entries()) {
      const user = agentSipUser(a.agent_code);
      phones.set(a.agent_code, await AgentEndpoint.register(ws, user, { mediaPort: 44_000 + 2 * i, auth }));
      await dialer.agentLogin(a.agent_code, user);
    }
    note += `; ${phones.size} demo agent phones registered (a desk signing in takes its agent's over)`;
  }
  return {
    dialer,
    message: `connected to ${ws}${note}`,
    sip: { ws, secret },
    stop: async () => {
      await dialer.stop();
      for (const p of phones.values()) await p.stop().catch(() => {});
      ng?.close();
      await stopStack();
    },
  };
}
