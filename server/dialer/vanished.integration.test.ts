// A customer whose line goes dead mid-call without a BYE: the keepalive finds the leg gone, the runner hangs
// up the agent's phone, writes the call and puts the agent through wrap-up back to available, where the agent
// would otherwise stay on a dead call. Real SIP: Kamailio, a SIPp customer (scenarios/hold.xml) killed mid-call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepaliveEvery } from '@/dialer/sip/dialer-ua';
import { addContacts, agentStates, openRig, storedCalls, until, type Rig } from './testing/rig';
import { windowOpenInParisNow } from './testing/test-window';

let rig: Rig;

// A probe every 2 s, 1 s to answer it (RELAIS_SIP_KEEPALIVE_SECONDS=2): short for the test, not so short that a
// loaded CI machine answering late looks like a dead line.
beforeAll(async () => { rig = await openRig(['ACME-OUT'], ['A1'], { keepalive: keepaliveEvery(2) }, 'hold'); }, 60_000);
afterAll(() => rig?.close());

describe('a customer gone without a BYE', { timeout: 60_000 }, () => {
  it('ends the call at the first unanswered probe and frees the agent', async () => {
    const { engine, dialer } = rig;
    const campaign = rig.campaigns['ACME-OUT']!;
    await addContacts(engine.ch, campaign, [{ phone: '+33612990001' }]);
    await dialer.configure(campaign.id, { mode: 'progressive', status: 'running', wrapSeconds: 1, window: windowOpenInParisNow() }, 'test');
    await until(() => rig.phones[0]!.calls.length === 1, 15_000, 'the agent to be put through');
    // Three seconds of conversation: both legs answer their probes, nothing ends.
    await new Promise((r) => setTimeout(r, 3_000));
    await dialer.flush();
    expect(await storedCalls(engine.ch, campaign.id)).toHaveLength(0);

    const killedAt = Date.now();
    process.kill(-rig.stack.sipp.pid, 'SIGKILL');
    const agentHungUpAt = await rig.phones[0]!.calls[0]!.ended;
    expect(agentHungUpAt - killedAt).toBeLessThan(2_000 + 1_000 + 700);
    await dialer.configure(campaign.id, { status: 'paused' }, 'test');
    await until(async () => (await dialer.flush(), (await storedCalls(engine.ch, campaign.id)).length === 1), 10_000, 'the call record');

    const [call] = await storedCalls(engine.ch, campaign.id);
    expect(call).toMatchObject({ outcome: 'connected', agent: 'A1', dropped: 0 });
    // Dated at the probe nobody answered, within one probe interval of the line going dead, after the 3 s talked.
    expect(call!.ended_at - call!.connected_at!).toBeGreaterThanOrEqual(3_000);
    expect(Math.abs(call!.ended_at - killedAt)).toBeLessThan(2_100);
    await until(async () => (await dialer.flush(), (await agentStates(engine.ch, 'A1')).at(-1) === 'available'), 10_000, 'A1 available again');
    expect((await agentStates(engine.ch, 'A1')).slice(-3)).toEqual(['on_call', 'wrapup', 'available']);
  });
});
