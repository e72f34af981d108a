// The agent desk's procedures against a real dialer: Kamailio, the SIPp customer mix, a sip.js phone registered as
// agent A1's extension (standing in for the browser's softphone, which e2e/desk.spec.ts drives). The agent logs in
// paused, goes ready, takes a progressive call, sees the contact, sets a disposition of the campaign's catalogue
// (a refusal keeps the contact from being called again), pauses with a reason, and a silent desk goes offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfOrg } from '@/clickhouse/queries/audit';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { agentSipUser } from '@/dialer/sip/sip-users';
import { setDialer } from '@/server/dialer/instance';
import { addContacts, openRig, registerAgents, storedCalls, until, type Rig } from '@/server/dialer/testing/rig';
import { windowOpenInParisNow } from '@/server/dialer/testing/test-window';
import { callerAs, codeOf, refusalOf } from '@/server/testing/callers';
import type { AgentEndpoint } from '@/dialer/sip/agent-endpoint';

let rig: Rig;
let phone: AgentEndpoint;
// The mix: a number ending in 0-3 answers after 1 s and talks 2 s once bridged.
const num = (i: number) => `+33612${String(i).padStart(5, '0')}0`;
const retry = { delayMinutes: { busy: null, no_answer: null, failed: null, voicemail: null, abandoned: 72 * 60, connected: null }, maxAttempts: 1, recycleOutcomes: [], recycleAfterDays: null };

// Agent 1's desk asks for its state as the page does (every 250 ms here), whatever a test awaits meanwhile, so
// only a test that stops it (a closed page) sees the desk go offline.
let beating: NodeJS.Timeout | undefined;
function heartbeat(on: boolean) {
  clearInterval(beating);
  beating = undefined;
  if (!on) return;
  const desk = callerAs(rig.engine.ch, 'agent1@callpro.test');
  beating = setInterval(() => void desk.then((a) => a.desk.state()).catch(() => {}), 250);
}

beforeAll(async () => {
  rig = await openRig(['ACME-OUT'], [], { deskTimeoutMs: 2_000 });
  phone = (await registerAgents(rig.stack.ws, [agentSipUser('A1')], { secret: rig.stack.secret }))[0]!;
  setDialer(rig.dialer);
  heartbeat(true);
}, 90_000);
afterAll(async () => {
  heartbeat(false);
  setDialer(null, 'test over');
  await phone?.stop();
  await rig?.close();
});

describe('the agent desk on a running dialer', { timeout: 120_000 }, () => {
  it('logs in paused, takes a call with the contact on screen, and disposes it from the campaign’s catalogue', async () => {
    const { engine, dialer } = rig;
    const out = rig.campaigns['ACME-OUT']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const { settings } = await manager.campaigns.settings({ campaignId: out.id });
    await manager.campaigns.update({ campaignId: out.id, settings: { ...settings, dispositions: [
      { code: 'vente', label: 'Vente', success: true, callback: false, refusal: false, dnc: false },
      { code: 'refus', label: 'Pas intéressé', success: false, callback: false, refusal: true, dnc: false },
      { code: 'rappel', label: 'Rappel', success: false, callback: true, refusal: false, dnc: false },
    ] } });
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    expect((await agent.desk.state()).agent).toBeNull();
    await agent.desk.login();
    expect((await agent.desk.state()).agent).toMatchObject({ state: 'paused', pauseReason: 'login', browser: true });
    await agent.desk.ready();

    await addContacts(engine.ch, out, [{ phone: num(1), name: 'Inès', lastName: 'Martin' }, { phone: num(2), name: 'Paul', lastName: 'Durand' }]);
    await dialer.configure(out.id, { mode: 'progressive', status: 'running', wrapSeconds: 120, ringTimeoutSeconds: 15, window: windowOpenInParisNow(), retry }, 'test');

    for (const [n, disposition] of [[1, 'vente'], [2, 'refus']] as const) {
      let state = await agent.desk.state();
      await until(async () => { state = await agent.desk.state(); return state.call?.phase === 'talking'; }, 30_000, `call ${n} put through to the desk`);
      expect(state.agent?.state).toBe('on_call');
      expect(state.call).toMatchObject({ campaignId: out.id, phone: num(n), direction: 'outbound' });
      expect(state.call!.contact).toBe(n === 1 ? 'Inès Martin' : 'Paul Durand');
      // Still talking: no disposition yet.
      expect((await refusalOf(agent.desk.dispose({ campaignId: out.id, callId: state.call!.id, disposition }))).key).toBe('error.desk.stillTalking');
      await until(async () => { state = await agent.desk.state(); return state.call?.phase === 'wrapup'; }, 15_000, `call ${n} to end`);
      const callId = state.call!.id;
      expect(await refusalOf(agent.desk.dispose({ campaignId: out.id, callId, disposition: 'sale' }))).toMatchObject({ code: 'BAD_REQUEST', key: 'error.desk.noSuchDisposition', field: 'disposition' });
      expect((await refusalOf(agent.desk.dispose({ campaignId: out.id, callId: 'another-call', disposition }))).key).toBe('error.desk.noSuchCall');
      await agent.desk.dispose({ campaignId: out.id, callId, disposition });
      await until(async () => (await agent.desk.state()).agent?.state === 'available', 5_000, 'the agent to be available again');
    }
    await dialer.flush();
    const calls = await storedCalls(engine.ch, out.id);
    expect(calls.filter((c) => c.outcome === 'connected').map((c) => [c.phone, c.agent, c.disposition])).toEqual(expect.arrayContaining([
      [num(1), 'A1', 'vente'], [num(2), 'A1', 'refus'],
    ]));
    // The refusal flag of the catalogue: the contact is done (the 60-day rule), never dialled again.
    const lead = (await dialer.runner(out.id)).hopper.get(num(2));
    expect(lead?.history.refusedAt).toBeGreaterThan(0);
  });

  it('sets a callback within the contact’s calling hours (offering the first allowed time otherwise), dialled then to the same agent', async () => {
    const { engine, dialer } = rig;
    const out = rig.campaigns['ACME-OUT']!;
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    await agent.desk.login();
    await agent.desk.ready();
    await addContacts(engine.ch, out, [{ phone: num(3), name: 'Léa', lastName: 'Petit' }]);
    await dialer.leadsChanged(out.id);
    let state = await agent.desk.state();
    await until(async () => { state = await agent.desk.state(); return state.call?.phase === 'wrapup' && state.call.phone === num(3); }, 30_000, 'the call to end');
    const callId = state.call!.id;
    // The test's calling hours close four hours from now: a callback in six hours is refused, with the next opening.
    const late = await agent.desk.dispose({ campaignId: out.id, callId, disposition: 'rappel', callbackAt: Date.now() + 6 * 3_600_000 });
    expect(late).toMatchObject({ ok: false, callbackOutsideHours: true });
    expect((late as { nextAllowed: number }).nextAllowed).toBeGreaterThan(Date.now() + 6 * 3_600_000);
    expect(await agent.desk.dispose({ campaignId: out.id, callId, disposition: 'rappel', callbackAt: Date.now() + 4_000 })).toEqual({ ok: true });
    expect(await agent.desk.callbacks()).toEqual([expect.objectContaining({ phone: num(3), code: 'ACME-OUT', personal: true, name: 'Léa Petit' })]);
    // Dialled when due, put through to this agent.
    await until(async () => { state = await agent.desk.state(); return state.call?.phone === num(3) && state.call.phase === 'wrapup'; }, 30_000, 'the callback to be dialled');
    await agent.desk.dispose({ campaignId: out.id, callId: state.call!.id, disposition: 'vente' });
    await dialer.flush();
    const calls = (await storedCalls(engine.ch, out.id)).filter((c) => c.phone === num(3));
    expect(calls.map((c) => [c.agent, c.disposition])).toEqual(expect.arrayContaining([['A1', 'rappel'], ['A1', 'vente']]));
    expect(await agent.desk.callbacks()).toEqual([]);
  });

  it('preview: takes a record, skips it (it goes behind the others), takes the next, comes back to it and dials it; a manual dial reaches only the campaign’s contacts', async () => {
    const { engine, dialer } = rig;
    const out = rig.campaigns['ACME-OUT']!;
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    await dialer.configure(out.id, { mode: 'preview' }, 'test');
    await addContacts(engine.ch, out, [{ phone: num(4), name: 'Marc', lastName: 'Leroy', segment: 'Pro' }, { phone: num(5) }]);
    await dialer.leadsChanged(out.id);
    const taken = await agent.desk.preview.take({ campaignId: out.id });
    expect(taken).toMatchObject({ phone: num(4), name: 'Marc Leroy', fields: expect.objectContaining({ segment: 'Pro' }) });
    expect((await agent.desk.state()).preview).toMatchObject({ campaignId: out.id, lead: { phone: num(4) } });
    await agent.desk.preview.skip({ campaignId: out.id, reason: 'incomplete' });
    expect((await agent.desk.state()).preview).toBeNull();
    // The skip and its reason are in the outsourcer's audit log.
    const orgId = (await tenancy.userByEmail(engine.ch, 'agent1@callpro.test'))!.org_id;
    const [line] = await auditOfOrg(engine.ch, { orgId, from: Date.now() - 60_000, to: Date.now() + 1_000, actionPrefix: 'preview.', limit: 10 });
    expect(line).toMatchObject({ action: 'preview.skip', actor_email: 'agent1@callpro.test', summary: 'ACME-OUT' });
    expect(JSON.parse(line!.detail)).toMatchObject({ agent: 'A1', phone: num(4), reason: 'incomplete' });
    // Nothing on screen: nothing to skip.
    expect((await refusalOf(agent.desk.preview.skip({ campaignId: out.id, reason: 'other' }))).key).toBe('error.desk.noRecord');
    // « Fiche suivante » after a skip: another contact, the skipped one having gone behind it.
    expect(await agent.desk.preview.take({ campaignId: out.id })).toMatchObject({ phone: num(5) });
    await agent.desk.preview.skip({ campaignId: out.id, reason: 'wrong_record' });
    expect(await agent.desk.preview.take({ campaignId: out.id })).toMatchObject({ phone: num(4) });
    expect(await agent.desk.preview.dial({ campaignId: out.id })).toEqual({ placed: true });
    let state = await agent.desk.state();
    await until(async () => { state = await agent.desk.state(); return state.call?.phase === 'wrapup' && state.call.phone === num(4); }, 30_000, 'the preview call');
    await agent.desk.dispose({ campaignId: out.id, callId: state.call!.id, disposition: 'vente' });

    // By hand: a number that is no contact of the campaign is refused with its rule; a contact is dialled.
    await until(async () => (await agent.desk.state()).agent?.state === 'available', 5_000, 'the agent to be available');
    expect(await agent.desk.manualDial({ campaignId: out.id, phone: '06 99 99 99 99' })).toMatchObject({ placed: false, rule: 'not_in_campaign' });
    expect(await codeOf(agent.desk.manualDial({ campaignId: out.id, phone: 'pas un numéro' }))).toBe('BAD_REQUEST');
    expect(await agent.desk.manualDial({ campaignId: out.id, phone: num(5).replace('+33', '0') })).toEqual({ placed: true });
    await until(async () => { state = await agent.desk.state(); return state.call?.phase === 'wrapup' && state.call.phone === num(5); }, 30_000, 'the manual call');
    await agent.desk.dispose({ campaignId: out.id, callId: state.call!.id, disposition: 'refus' });
    await dialer.configure(out.id, { mode: 'progressive' }, 'test');
  });

  it('a desk gone mid-call: the call is ended and recorded, the agent is offline, the lead is not dialled again', async () => {
    const { engine, dialer } = rig;
    const out = rig.campaigns['ACME-OUT']!;
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    await until(async () => (await agent.desk.state()).agent?.state === 'available', 5_000, 'the agent to be available');
    await addContacts(engine.ch, out, [{ phone: num(6) }]);
    await dialer.leadsChanged(out.id);
    await until(() => rig.dialer.pool.get('A1')?.state === 'on_call', 30_000, 'the call');
    // The page closes: the desk stops asking, the sweep takes it as a logout, which ends the agent's leg.
    heartbeat(false);
    await until(() => rig.dialer.pool.get('A1') === undefined, 10_000, 'the agent to go offline');
    const stored = async () => { await dialer.flush(); return (await storedCalls(engine.ch, out.id)).filter((c) => c.phone === num(6)); };
    await until(async () => (await stored()).length > 0, 10_000, 'the call to be recorded');
    const [call, ...more] = await stored();
    expect(more).toEqual([]);
    expect(call).toMatchObject({ outcome: 'connected', agent: 'A1' });
    expect((await dialer.runner(out.id)).hopper.get(num(6))?.state).not.toBe('in_flight');
  });

  it('another agent cannot dispose of this campaign’s calls, and a Horizon agent does not see it', async () => {
    const out = rig.campaigns['ACME-OUT']!;
    const horizon = await callerAs(rig.engine.ch, 'agent3@callpro.test');
    expect(await codeOf(horizon.desk.dispose({ campaignId: out.id, callId: 'x', disposition: 'vente' }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.desk.preview.take({ campaignId: out.id }))).toBe('NOT_FOUND');
    expect((await horizon.desk.state()).campaigns.map((c) => c.code)).not.toContain('ACME-OUT');
  });

  it('pauses with a reason, and a desk that stops asking goes offline', async () => {
    const agent = await callerAs(rig.engine.ch, 'agent1@callpro.test');
    await rig.dialer.configure(rig.campaigns['ACME-OUT']!.id, { status: 'paused' }, 'test');
    // The test above closed the desk: it opens again and logs in.
    heartbeat(true);
    await agent.desk.login();
    await agent.desk.pause({ reason: 'training' });
    expect((await agent.desk.state()).agent).toMatchObject({ state: 'paused', pauseReason: 'training' });
    await agent.desk.ready();
    expect((await agent.desk.state()).agent).toMatchObject({ state: 'available', pauseReason: null });
    // No state asked for longer than the desk timeout: gone.
    heartbeat(false);
    await new Promise((r) => setTimeout(r, 4_500));
    expect(rig.dialer.pool.get('A1')).toBeUndefined();
    expect((await agent.desk.state()).agent).toBeNull();
  });
});
