// Kamailio restarted in the middle of a progressive campaign: dialing pauses while the proxy is away, resumes
// when it is back, and no lead is lost or dialled twice at once; every attempt keeps exactly one record; the
// campaigns' numbers are registered again, so customers' calls come in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIn } from '@/dialer/sip/local-stack';
import { addContacts, journalIds, openRig, storedCalls, until, type Rig } from './testing/rig';
import { windowOpenInParisNow } from './testing/test-window';

let rig: Rig;

beforeAll(async () => { rig = await openRig(['ACME-OUT', 'ACME-IN'], ['A1', 'A2'], { reconnectMs: 1000 }); }, 60_000);
afterAll(() => rig?.close());

describe('a Kamailio restart mid-campaign', { timeout: 150_000 }, () => {
  it('pauses dialing, resumes, and neither loses nor doubles a lead', async () => {
    const { engine, stack, dialer, phones: agents } = rig;
    const campaign = rig.campaigns['ACME-OUT']!;
    // Every customer answers (digits 0-3) and talks 2 s once bridged.
    const leads = Array.from({ length: 16 }, (_, i) => `+3361${String(500 + i).padStart(6, '0')}${i % 4}`);
    await addContacts(engine.ch, campaign, leads.map((phone) => ({ phone })));
    const retry = { delayMinutes: { busy: 0.05, no_answer: 0.05, failed: 0.05, voicemail: null, abandoned: 0.05, connected: null }, maxAttempts: 4, recycleOutcomes: [], recycleAfterDays: null };
    await dialer.configure(campaign.id, { mode: 'progressive', status: 'running', ringTimeoutSeconds: 15, wrapSeconds: 0.5, messageSeconds: 1, window: windowOpenInParisNow(), retry }, 'test');
    const runner = await dialer.runner(campaign.id);

    await until(async () => { await dialer.flush(); return (await storedCalls(engine.ch, campaign.id)).length >= 3; }, 60_000, 'the first calls');
    await stack.stopKamailio();
    await until(() => !runner.snapshot().sipConnected, 5_000, 'the dialer to notice the proxy is gone');
    await until(() => runner.idle, 10_000, 'the calls cut by the outage to end');
    const journalled = (await journalIds(engine.ch, campaign.id)).length;
    await new Promise((r) => setTimeout(r, 1500));
    // Nothing is dialled while the proxy is away.
    expect((await journalIds(engine.ch, campaign.id)).length).toBe(journalled);

    await stack.startKamailio();
    for (const a of agents) await a.registerAgain();
    dialer.agentReady('A1');
    dialer.agentReady('A2');
    await until(() => runner.snapshot().sipConnected, 10_000, 'the dialer to reconnect');
    await until(async () => {
      const c = runner.hopper.counts(Date.now());
      return c.done === leads.length && runner.idle;
    }, 120_000, 'every lead to be reached');
    await dialer.flush();

    const calls = await storedCalls(engine.ch, campaign.id);
    expect(new Set(calls.map((c) => c.id))).toEqual(new Set(await journalIds(engine.ch, campaign.id)));
    for (const phone of leads) {
      const attempts = calls.filter((c) => c.phone === phone);
      // Reached exactly once; any earlier attempt was cut by the outage and retried.
      expect(attempts.filter((c) => c.outcome === 'connected')).toHaveLength(1);
      expect(attempts.at(-1)!.outcome).toBe('connected');
      for (const a of attempts.slice(0, -1)) expect(['failed', 'abandoned']).toContain(a.outcome);
      for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.started_at).toBeGreaterThanOrEqual(attempts[i - 1]!.ended_at);
    }

    // The restarted proxy forgot every registration: the dialer registered the campaigns' numbers again.
    const back = await callIn({ runDir: stack.runDir, proxy: stack.sip, number: '+33180001000', callers: ['+33612000090'] });
    expect(back.log).toEqual(['+33612000090 answered', '+33612000090 bridged', '+33612000090 hung up']);
  });
});
