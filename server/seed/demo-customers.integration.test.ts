// The SIPp customers `npm run start:sip` dials (the tests' mix with human durations) through real Kamailio:
// answers come after 3–12 s of ringing, spread, and the other behaviours are the mix's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLeads } from '@/server/seed/demo-leads';
import { writeDemoCustomers } from '@/dialer/sip/demo-scenario';
import { DialerUserAgent } from '@/dialer/sip/dialer-ua';
import { ensureSipTools, startKamailio, startSipp, type Running } from '@/dialer/sip/local-stack';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-demo-customers-'));
const stacks: Running[] = [];
let ua: DialerUserAgent;

beforeAll(async () => {
  ensureSipTools();
  const sipp = await startSipp({ runDir, scenario: 'demo-customers', scenarioFile: writeDemoCustomers(runDir) });
  stacks.push(sipp);
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  stacks.push(kamailio);
  ua = await DialerUserAgent.connect(kamailio.ws, { auth: { secret: kamailio.secret } });
});
afterAll(async () => {
  await ua?.stop();
  for (const s of stacks.reverse()) await s.stop();
});

describe('the demo customers', { timeout: 30_000 }, () => {
  it('answer after 3 to 12 s of ringing, not all at once, and a demo lead ending in 4 is busy', async () => {
    const leads = demoLeads(0, 20).map((l) => l.phone);
    const answering = leads.filter((p) => /[0-3]$/.test(p)).slice(0, 4);
    const [busy, ...answers] = await Promise.all([ua.dial(leads.find((p) => p.endsWith('4'))!), ...answering.map((p) => ua.dial(p))]);
    expect(busy).toMatchObject({ outcome: 'busy', status: 486 });
    const rings: number[] = [];
    for (const a of answers) {
      expect(a.outcome).toBe('answered');
      if (a.outcome !== 'answered') continue;
      rings.push(a.leg.answeredAt - a.startedAt);
      await a.leg.hangup();
    }
    for (const ring of rings) {
      expect(ring).toBeGreaterThanOrEqual(2900);
      expect(ring).toBeLessThan(13_000);
    }
    expect(Math.max(...rings) - Math.min(...rings)).toBeGreaterThan(200);
  });
});
