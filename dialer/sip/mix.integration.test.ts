// The customer population of scenarios/mix.xml through real Kamailio: every behaviour the campaign runner
// meets, and third-party call control bridging an answered customer to a registered agent (RFC 3725).
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentEndpoint } from './agent-endpoint';
import { DialerUserAgent } from './dialer-ua';
import { ensureSipTools, startKamailio, startSipp, type Running } from './local-stack';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-mix-'));
const stacks: Running[] = [];
let ua: DialerUserAgent;
let agent: AgentEndpoint;

beforeAll(async () => {
  ensureSipTools();
  const sipp = await startSipp({ runDir, scenario: 'mix' });
  stacks.push(sipp);
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  stacks.push(kamailio);
  const auth = { secret: kamailio.secret };
  ua = await DialerUserAgent.connect(kamailio.ws, { auth });
  agent = await AgentEndpoint.register(kamailio.ws, 'agent-a1', { mediaPort: 41_000, auth });
});
afterAll(async () => {
  await agent?.stop();
  await ua?.stop();
  for (const s of stacks.reverse()) await s.stop();
});

const sippErrors = () => {
  const file = path.join(runDir, 'sipp-mix-errors.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

describe('the customer mix (last digit picks the behaviour)', { timeout: 20_000 }, () => {
  it('busy, reject and no answer end with the right outcome and status', async () => {
    const [busy, reject, silent] = await Promise.all([
      ua.dial('+33612000004'),
      ua.dial('+33612000006'),
      ua.dial('+33612000005', { ringTimeoutMs: 1500 }),
    ]);
    expect(busy).toMatchObject({ outcome: 'busy', status: 486 });
    expect(reject).toMatchObject({ outcome: 'failed', status: 500 });
    expect(silent).toMatchObject({ outcome: 'no_answer', status: 487 });
    expect(silent.outcome !== 'answered' && silent.endedAt - silent.startedAt).toBeGreaterThanOrEqual(1500);
  });

  it('a customer who hangs up before anyone speaks ends the leg from the far end', async () => {
    const result = await ua.dial('+33612000007');
    expect(result.outcome).toBe('answered');
    if (result.outcome !== 'answered') return;
    const end = await result.leg.ended;
    expect(end.by).toBe('remote');
    expect(end.endedAt - result.leg.answeredAt).toBeGreaterThanOrEqual(700);
  });

  it('bridges an answered customer to a registered agent by re-INVITEs, media agent ↔ customer', async () => {
    const customer = await ua.dial('+33612000000');
    expect(customer.outcome).toBe('answered');
    if (customer.outcome !== 'answered') return;
    const toAgent = await ua.dial('agent-a1', { offerSdp: customer.leg.remoteSdp });
    expect(toAgent.outcome).toBe('answered');
    if (toAgent.outcome !== 'answered') return;
    const customerAnswer = await customer.leg.reoffer(toAgent.leg.remoteSdp);
    // The agent got the customer's address and the customer the agent's: Node carries no media.
    const agentCall = agent.calls.at(-1)!;
    expect(agentCall.remoteSdp).toBe(customer.leg.remoteSdp);
    expect(toAgent.leg.remoteSdp).toContain('m=audio 41000');
    expect(customerAnswer).toMatch(/o=customer \d+ 2353687638/);
    // The customer talks 2 s then hangs up; the dialer then releases the agent.
    const end = await customer.leg.ended;
    expect(end.by).toBe('remote');
    expect(end.endedAt - customer.leg.answeredAt).toBeGreaterThanOrEqual(1900);
    await toAgent.leg.hangup();
    await agentCall.ended;
  });

  it('the abandoned-call message leg: answered, then released by the dialer, SIPp sees a clean BYE', async () => {
    const customer = await ua.dial('+33612000001');
    if (customer.outcome !== 'answered') throw new Error(`expected an answer, got ${customer.outcome}`);
    await new Promise((r) => setTimeout(r, 300));
    await customer.leg.hangup();
    expect((await customer.leg.ended).by).toBe('local');
    await new Promise((r) => setTimeout(r, 200));
    expect(sippErrors()).not.toMatch(/unexpected|Aborting/i);
  });
});
