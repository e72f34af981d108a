// A robot phone steps aside for a signed-in desk (dialer/start.ts onDeskLogin): its stop must not hold the desk's
// sign-in when the proxy answers nothing (an unregister crossing the registration's own refresh got no answer in
// CI, and sip.js waited its 32-s transaction timeout). Real Kamailio, frozen with SIGSTOP: the connection stays open
// and silent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgentEndpoint } from './agent-endpoint';
import { ensureSipTools, startKamailio, type Running } from './local-stack';
import { reservePorts, type PortLease } from './ports';

let kamailio: Running & { ws: string; secret: string; pid: number };
let trunk: PortLease;

beforeAll(async () => {
  ensureSipTools();
  trunk = await reservePorts(1);
  kamailio = await startKamailio({ runDir: mkdtempSync(path.join(tmpdir(), 'relais-agent-stop-')), trunk: `127.0.0.1:${trunk.ports[0]}` });
}, 30_000);
afterAll(async () => {
  try { process.kill(-kamailio.pid, 'SIGCONT'); } catch { /* gone */ }
  await kamailio?.stop();
  trunk?.release();
});

it('stops within a few seconds, unregistered or not, when the proxy answers nothing', async () => {
  const answered = await AgentEndpoint.register(kamailio.ws, 'agent-s1', { mediaPort: 45_100, auth: { secret: kamailio.secret } });
  let started = Date.now();
  await answered.stop();
  // The proxy answers: unregistered at once.
  expect(Date.now() - started).toBeLessThan(1_000);

  const silent = await AgentEndpoint.register(kamailio.ws, 'agent-s2', { mediaPort: 45_102, auth: { secret: kamailio.secret } });
  process.kill(-kamailio.pid, 'SIGSTOP');
  try {
    started = Date.now();
    await silent.stop();
    const took = Date.now() - started;
    console.log(`stop with a silent proxy: ${took} ms`);
    // Two bounded steps of 2 s: the unregister, then the socket and the user agent.
    expect(took).toBeLessThan(5_500);
  } finally {
    process.kill(-kamailio.pid, 'SIGCONT');
  }
}, 30_000);
