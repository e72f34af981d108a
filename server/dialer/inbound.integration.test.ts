// Customers calling in, for real: SIPp callers (scenarios/caller.xml) → Kamailio → the dialer's user agent,
// which registered the campaigns' numbers; queued, put through to registered agents' phones by third-party
// call control, every call recorded through the ingest service into chDB.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { callIn, type CallInResult } from '@/dialer/sip/local-stack';
import { rebuildHopper } from '@/dialer/runner/rebuild';
import { addContacts, openRig, storedCalls, until, type Rig } from './testing/rig';
import { windowOpenInParisNow } from './testing/test-window';
import { setDialer } from '@/server/dialer/instance';
import { callerAs } from '@/server/testing/callers';

let rig: Rig;
const ACME_LINE = '+33180001000';
const ACME_OUT_NUMBER = '+33180001001';

beforeAll(async () => {
  rig = await openRig(['ACME-IN', 'ACME-OUT'], ['A1', 'A2']);
  await rig.dialer.configure(rig.campaigns['ACME-IN']!.id, { wrapSeconds: 1 }, 'test');
}, 60_000);
afterAll(() => rig?.close());

const call = (number: string, callers: string[]) => callIn({ runDir: rig.stack.runDir, proxy: rig.stack.sip, number, callers });
const steps = (result: CallInResult, caller: string) => result.log.filter((l) => l.startsWith(`${caller} `)).map((l) => l.slice(caller.length + 1));
const inbound = async (code: string) => {
  await rig.dialer.flush();
  return (await storedCalls(rig.engine.ch, rig.campaigns[code]!.id)).filter((c) => c.direction === 'inbound');
};

describe('an inbound line', { timeout: 60_000 }, () => {
  it('answers callers into the queue and puts them through to the campaign agents', async () => {
    const callers = ['+33612000010', '+33612000020'];
    const result = await call(ACME_LINE, callers);
    expect(result.exitCode).toBe(0);
    for (const c of callers) expect(steps(result, c)).toEqual(['answered', 'bridged', 'hung up']);
    await until(async () => (await inbound('ACME-IN')).length === 2, 5_000, 'two inbound records');
    const calls = await inbound('ACME-IN');
    expect(calls.map((c) => c.phone).sort()).toEqual(callers);
    expect(calls.map((c) => c.agent).sort()).toEqual(['A1', 'A2']);
    for (const c of calls) {
      expect(c).toMatchObject({ outcome: 'connected', answered_at: null, dropped: 0 });
      expect(c.connected_at! - c.started_at).toBeLessThan(2_000); // agents were free: no wait
      expect(c.ended_at - c.connected_at!).toBeGreaterThanOrEqual(1_900); // the caller talks 2 s
    }
    // Third-party call control: each agent's phone was offered the caller's SDP.
    expect(rig.phones.flatMap((p) => p.calls).filter((c) => c.remoteSdp.includes('o=caller'))).toHaveLength(2);
  });

  it('records a caller who hangs up in the queue and one released when the queue times out as abandoned', async () => {
    const { dialer } = rig;
    const line = await dialer.runner(rig.campaigns['ACME-IN']!.id);
    await dialer.configure(line.campaign.id, { queueTimeoutSeconds: 10, messageSeconds: 1 }, 'test');
    await until(() => ['A1', 'A2'].every((a) => dialer.pool.get(a)?.state === 'available'), 10_000, 'agents free');
    dialer.agentPause('A1');
    dialer.agentPause('A2');
    // Even if this test fails, the next ones find the agents back at work.
    onTestFinished(() => { dialer.agentReady('A1'); dialer.agentReady('A2'); });
    const impatient = '+33612000039';
    const patient = '+33612000040';
    // Signed in before the calls: the impatient caller stays 1.5 s, a password check under load can take most of it.
    const client = await callerAs(rig.engine.ch, 'client@acme.test');
    const running = call(ACME_LINE, [impatient, patient]);
    await until(() => line.snapshot().inboundQueue === 2, 5_000, 'two callers queued');
    // The client's live monitor shows them waiting (the dialer of this process knows its queue).
    setDialer(dialer);
    const live = await client.kpi.live({ campaignId: line.campaign.id });
    expect(live.queue).toMatchObject({ waiting: 2 });
    setDialer(null, 'test over');
    const result = await running;
    expect(steps(result, impatient)).toEqual(['answered', 'hung up']);
    expect(steps(result, patient)).toEqual(['answered', 'released by the dialer']);
    await until(async () => (await inbound('ACME-IN')).length === 4, 5_000, 'the two abandoned calls recorded');
    const calls = await inbound('ACME-IN');
    const of = (p: string) => calls.find((c) => c.phone === p)!;
    expect(of(impatient)).toMatchObject({ outcome: 'abandoned', agent: '', connected_at: null });
    expect(of(impatient).ended_at - of(impatient).started_at).toBeGreaterThanOrEqual(1_400);
    expect(of(impatient).ended_at - of(impatient).started_at).toBeLessThan(4_000);
    expect(of(patient)).toMatchObject({ outcome: 'abandoned', agent: '' });
    expect(of(patient).ended_at - of(patient).started_at).toBeGreaterThanOrEqual(10_900); // 10 s queue + 1 s message
  });

  it('puts through a caller whose ACK comes late: no re-INVITE before it (sip.js would take the ACK for a broken one)', async () => {
    const caller = '+33612000090';
    const result = await callIn({ runDir: rig.stack.runDir, proxy: rig.stack.sip, number: ACME_LINE, callers: [caller], lateAck: true });
    expect(steps(result, caller)).toEqual(['answered', 'bridged', 'hung up']);
    await until(async () => (await inbound('ACME-IN')).some((c) => c.phone === caller && c.outcome === 'connected'), 5_000, 'the call recorded as connected');
  });

  it('refuses calls with 480 while the line is closed, and follows the line to a new number', async () => {
    const { dialer } = rig;
    const id = rig.campaigns['ACME-IN']!.id;
    const before = (await inbound('ACME-IN')).length;
    await dialer.configure(id, { status: 'paused' }, 'test');
    expect(steps(await call(ACME_LINE, ['+33612000050']), '+33612000050')).toEqual(['refused 480']);
    // A new number (added to the inventory first) is registered with the proxy at once; calls to it reach the line.
    const admin = await callerAs(rig.engine.ch, 'admin@callpro.test');
    const acme = (await admin.numbers.list()).clients.find((c) => c.name === 'Acme Energie')!;
    await admin.numbers.add({ number: '+33180001010', owner: 'client', clientOrgId: acme.id, proofRef: 'test' });
    await dialer.configure(id, { status: 'running', callerId: '+33180001010' }, 'test');
    expect(steps(await call('+33180001010', ['+33612000070']), '+33612000070')).toEqual(['answered', 'bridged', 'hung up']);
    await dialer.configure(id, { callerId: ACME_LINE }, 'test');
    await until(async () => (await inbound('ACME-IN')).length === before + 1, 5_000, 'only the call after reopening recorded');
  });
});

describe('smart outbound', { timeout: 90_000 }, () => {
  it('puts a customer calling back the caller ID through to the campaign team with their record, and stops dialling them', async () => {
    const { dialer, engine } = rig;
    const acmeOut = rig.campaigns['ACME-OUT']!;
    const busy = '+33612000104'; // the mix: a last digit 4 is busy
    await addContacts(engine.ch, acmeOut, [{ phone: busy, name: 'Brigitte' }]);
    const retry = { delayMinutes: { busy: 60, no_answer: null, failed: null, voicemail: null, abandoned: 72 * 60, connected: null }, maxAttempts: 4, recycleOutcomes: [], recycleAfterDays: null };
    await dialer.configure(acmeOut.id, { mode: 'progressive', status: 'running', window: windowOpenInParisNow(), retry, wrapSeconds: 1 }, 'test');
    const runner = await dialer.runner(acmeOut.id);
    await until(() => runner.hopper.get(busy)?.lastOutcome === 'busy', 20_000, 'the busy attempt');
    await dialer.configure(acmeOut.id, { status: 'paused' }, 'test');

    const seen: ReturnType<typeof runner.agentCall>[] = [];
    const watching = setInterval(() => { for (const a of ['A1', 'A2']) { const v = runner.agentCall(a); if (v) seen.push(v); } }, 50);
    const result = await call(ACME_OUT_NUMBER, [busy]);
    clearInterval(watching);
    expect(steps(result, busy)).toEqual(['answered', 'bridged', 'hung up']);
    // The agent saw who was calling back: the contact's record, known to have been called.
    expect(seen[0]).toMatchObject({ campaign: 'ACME-OUT', direction: 'inbound', phone: busy, contact: 'Brigitte Test', calledBefore: true });

    await until(async () => (await inbound('ACME-OUT')).length === 1, 5_000, 'the callback recorded');
    const [back] = await inbound('ACME-OUT');
    expect(back).toMatchObject({ phone: busy, contact: 'Brigitte Test', outcome: 'connected' });
    expect(['A1', 'A2']).toContain(back!.agent);
    // Reached by their own call: the busy retry is not dialled, now or after a restart.
    expect(runner.hopper.get(busy)).toMatchObject({ state: 'done', doneReason: 'called_in' });
    const rebuilt = await rebuildHopper(engine.ch, runner.campaign, [rig.campaigns['ACME-IN']!.id, acmeOut.id], retry);
    expect(rebuilt.get(busy)).toMatchObject({ state: 'done', doneReason: 'called_in' });
  });
});

// How much outbound dialing gives way to the queue is runner/blended.test.ts; here, the order agents are served in.
describe('a blended campaign sharing its agents with an inbound line', { timeout: 90_000 }, () => {
  it('puts an inbound caller through to the agent finishing an outbound call, before any new outbound call', async () => {
    const { dialer, engine } = rig;
    const acmeOut = rig.campaigns['ACME-OUT']!;
    // The mix answers numbers ending 0-3 after 1 s and talks 2 s once bridged.
    const leads = [0, 1, 2, 3, 0, 1].map((d, i) => `+33612003${String(i).padStart(2, '0')}${d}`);
    await addContacts(engine.ch, acmeOut, leads.map((phone) => ({ phone })));
    dialer.agentPause('A2');
    await dialer.configure(acmeOut.id, { mode: 'blended', status: 'running', wrapSeconds: 1, window: windowOpenInParisNow() }, 'test');
    await until(() => dialer.pool.get('A1')?.state === 'on_call', 20_000, 'A1 on an outbound call');
    const caller = '+33612000080';
    const result = await call(ACME_LINE, [caller]);
    await dialer.configure(acmeOut.id, { status: 'paused' }, 'test');
    dialer.agentReady('A2');
    expect(steps(result, caller)).toEqual(['answered', 'bridged', 'hung up']);

    await until(async () => (await inbound('ACME-IN')).some((c) => c.phone === caller), 5_000, 'the inbound record');
    const served = (await inbound('ACME-IN')).find((c) => c.phone === caller)!;
    expect(served.agent).toBe('A1');
    // A1 finished its outbound call and wrap-up, then took the caller: no outbound call was placed meanwhile.
    const outbound = (await storedCalls(engine.ch, acmeOut.id)).filter((c) => c.direction === 'outbound' && c.outcome !== 'rejected_compliance');
    const before = outbound.filter((c) => c.started_at < served.started_at);
    expect(before.length).toBeGreaterThan(0);
    expect(served.connected_at!).toBeGreaterThanOrEqual(Math.max(...before.filter((c) => c.agent === 'A1').map((c) => c.ended_at)));
    expect(outbound.filter((c) => c.started_at > served.started_at && c.started_at < served.connected_at!)).toHaveLength(0);
  });
});
