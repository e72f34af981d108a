// Real SIP: sip.js in Node → Kamailio (WebSocket) → SIPp customers on 127.0.0.1, one SIPp per behaviour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialerUserAgent } from './dialer-ua';
import { ensureSipTools, startKamailio, startSipp, type Running } from './local-stack';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-sip-'));
const stacks: Running[] = [];
const ua: Partial<Record<'answer' | 'busy' | 'reject', DialerUserAgent>> = {};

beforeAll(async () => {
  ensureSipTools();
  // One proxy per customer behaviour, each with its trunk pointing at its own SIPp.
  for (const scenario of ['answer', 'busy', 'reject'] as const) {
    const sipp = await startSipp({ runDir, scenario });
    stacks.push(sipp);
    const kamailio = await startKamailio({ runDir: path.join(runDir, scenario), trunk: `127.0.0.1:${sipp.port}` });
    stacks.push(kamailio);
    ua[scenario] = await DialerUserAgent.connect(kamailio.ws, { auth: { secret: kamailio.secret } });
  }
});
afterAll(async () => {
  for (const u of Object.values(ua)) await u?.stop();
  for (const s of stacks.reverse()) await s.stop();
});

describe('the dialer’s SIP user agent through Kamailio to SIPp', () => {
  it('sets up an answered call with the customer’s SDP and tears it down', async () => {
    const result = await ua.answer!.dial('+33612345678');
    expect(result.outcome).toBe('answered');
    if (result.outcome !== 'answered') return;
    expect(result.leg.answeredAt - result.startedAt).toBeGreaterThanOrEqual(900); // the scenario rings 1 s
    expect(result.leg.remoteSdp).toMatch(/m=audio \d+ RTP\/AVP 0/);
    await result.leg.hangup();
    expect((await result.leg.ended).by).toBe('local');
  });
  it('reports busy and rejected calls as the call record’s outcomes', async () => {
    expect(await ua.busy!.dial('+33612345679')).toMatchObject({ outcome: 'busy', status: 486 });
    // A proxy never forwards a 503 upstream: Kamailio turns it into 500 (RFC 3261 §16.7).
    expect(await ua.reject!.dial('+33612345680')).toMatchObject({ outcome: 'failed', status: 500 });
  });
  it('carries a burst of 100 concurrent calls', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => ua.answer!.dial(`+3361300${String(i).padStart(4, '0')}`)));
    expect(results.filter((r) => r.outcome === 'answered')).toHaveLength(100);
    await Promise.all(results.map((r) => (r.outcome === 'answered' ? r.leg.hangup() : undefined)));
  });
});
