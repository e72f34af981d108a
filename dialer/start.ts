// Start-up of the co-located dialer. With RELAIS_SIP_WS it connects to that proxy; with `--with-sip` it first
// starts the local stack (Kamailio, the SIPp customer mix with human durations as trunk), gives the demo's
// outbound campaigns, while they have no contacts, a list of made-up leads, and registers the demo agents'
// phones as sip.js endpoints that answer by themselves, so the demo dials end to end on one machine.
import path from 'node:path';
import type { Clickhouse } from '@/clickhouse/client';
import { AgentEndpoint } from './sip/agent-endpoint';
import { seedDemoLeads } from '@/server/seed/demo-leads';
import { writeDemoCustomers } from './sip/demo-scenario';
import { ensureSipTools, startKamailio, startSipp, type Running } from './sip/local-stack';
import { Dialer, outsourcerAgents } from './service';

export interface StartedDialer { dialer: Dialer | null; message: string; stop: () => Promise<void> }

export async function startDialer(ch: Clickhouse, o: { sipWs?: string; withSip: boolean; dataDir: string }): Promise<StartedDialer> {
  const stack: Running[] = [];
  const phones: AgentEndpoint[] = [];
  let ws = o.sipWs;
  let note = '';
  if (o.withSip) {
    ensureSipTools();
    const runDir = path.resolve(o.dataDir, 'sip');
    const customers = await startSipp({ runDir, scenario: 'demo-customers', scenarioFile: writeDemoCustomers(runDir) });
    const trunkPort = customers.port;
    stack.push(customers);
    const kamailio = await startKamailio({ runDir, wsPort: Number(process.env.RELAIS_SIP_WS_PORT ?? 0) || undefined, trunk: `127.0.0.1:${trunkPort}` });
    stack.push(kamailio);
    ws = kamailio.ws;
    note = ` (local stack: Kamailio ${ws}, SIPp customers on 127.0.0.1:${trunkPort}; pid files in ${runDir})`;
    const seeded = await seedDemoLeads(ch);
    if (seeded.length) note += `; demo leads added to ${seeded.join(', ')}`;
  }
  const stopStack = async () => { for (const s of stack.reverse()) await s.stop(); };
  if (!ws) return { dialer: null, message: 'no SIP proxy configured', stop: stopStack };
  const dialer = await Dialer.connect(ch, ws);
  if (o.withSip) {
    // Demo only: the agents' phones, auto-answering, until the agent desk brings the browser softphone.
    for (const [i, a] of (await outsourcerAgents(ch)).entries()) {
      const user = `agent-${a.agent_code.toLowerCase()}`;
      phones.push(await AgentEndpoint.register(ws, user, { mediaPort: 44_000 + 2 * i }));
      await dialer.agentLogin(a.agent_code, user);
    }
    note += `; ${phones.length} demo agent phones registered`;
  }
  return {
    dialer,
    message: `connected to ${ws}${note}`,
    stop: async () => {
      await dialer.stop();
      for (const p of phones) await p.stop().catch(() => {});
      await stopStack();
    },
  };
}
