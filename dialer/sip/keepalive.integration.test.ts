// A far end that vanishes without a BYE (line cut, phone crashed): the dialer's in-dialog keepalive finds it
// gone and ends the leg, where the call would otherwise stay up, holding its agent, for good. Real SIP:
// sip.js → Kamailio → a SIPp customer (scenarios/hold.xml) that answers the INFOs until it is killed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialerUserAgent } from './dialer-ua';
import { ensureSipTools, startKamailio, startSipp, type Running } from './local-stack';
import { reservePorts, type PortLease } from './ports';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-keepalive-'));
let kamailio: Running & { ws: string; secret: string };
let ua: DialerUserAgent;
// The proxy's trunk points at it before any customer runs there: each test starts its own and kills it.
let trunk: PortLease;

beforeAll(async () => {
  ensureSipTools();
  trunk = await reservePorts(1);
  kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${trunk.ports[0]}` });
  ua = await DialerUserAgent.connect(kamailio.ws, { keepalive: { intervalMs: 700, timeoutMs: 600 }, auth: { secret: kamailio.secret } });
}, 30_000);
afterAll(async () => {
  await ua?.stop();
  await kamailio?.stop();
  trunk?.release();
});

describe('the keepalive of established legs', { timeout: 30_000 }, () => {
  it('keeps a call whose far end answers the probes, and ends it soon after the far end vanishes', async () => {
    const customer = await startSipp({ runDir, scenario: 'hold', port: trunk.ports[0] });
    try {
      const result = await ua.dial('+33612000001');
      expect(result.outcome).toBe('answered');
      if (result.outcome !== 'answered') return;
      let end: { endedAt: number; by: string } | undefined;
      void result.leg.ended.then((e) => (end = e));
      // Four probes answered: the call is still up.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(end).toBeUndefined();

      const killedAt = Date.now();
      process.kill(-customer.pid, 'SIGKILL');
      const ended = await result.leg.ended;
      expect(ended.by).toBe('unreachable');
      // Found within one interval and one timeout (plus scheduling), dated at the unanswered probe.
      expect(Date.now() - killedAt).toBeLessThan(700 + 600 + 500);
      expect(ended.endedAt).toBeGreaterThanOrEqual(killedAt - 50);
      expect(ended.endedAt).toBeLessThanOrEqual(killedAt + 700 + 50);
      // As the campaign runner does once a leg has ended: the BYE goes out, nobody answers it.
      await result.leg.hangup();
    } finally {
      await customer.stop();
    }
  });
});
