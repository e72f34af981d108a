// The message leg's timing and the announcer's steps, on fake legs and a fake relay (the real ones:
// message-leg.integration.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnsweredLeg, LegEnd } from '@/dialer/sip/dialer-ua';
import { announcer, messageLeg, MESSAGE_TAIL_MS, type AnnouncementRelay } from './message-leg';

function fakeLeg(reoffer: (sdp: string) => Promise<string> = async () => 'answer') {
  let end: (e: LegEnd) => void = () => {};
  const hangups: number[] = [];
  const leg: AnsweredLeg = {
    answeredAt: Date.now(), remoteSdp: 'customer-sdp', dialog: { callId: 'call-1', localTag: 'ours', remoteTag: 'cust' },
    reoffer: vi.fn(reoffer),
    hangup: vi.fn(async () => { hangups.push(Date.now()); end({ endedAt: Date.now(), by: 'local' }); }),
    ended: new Promise<LegEnd>((r) => (end = r)),
  };
  return { leg, hangups, remoteHangup: () => end({ endedAt: Date.now(), by: 'remote' }) };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('the message leg', () => {
  it('without a message: silence, then the hang-up at the bound (as before there was a relay)', async () => {
    const { leg, hangups } = fakeLeg();
    const ended = messageLeg(leg, 5000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(hangups).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await ended).by).toBe('local');
    expect(hangups).toEqual([1_005_000]);
  });

  it('hangs up just after the message, when it is shorter than the bound', async () => {
    const { leg, hangups } = fakeLeg();
    const ended = messageLeg(leg, 12_000, () => new Promise((r) => setTimeout(() => r(8000), 300)));
    await vi.advanceTimersByTimeAsync(12_000);
    await ended;
    expect(hangups).toEqual([1_000_000 + 300 + 8000 + MESSAGE_TAIL_MS]);
  });

  it('cuts a message longer than the bound at the bound', async () => {
    const { leg, hangups } = fakeLeg();
    void messageLeg(leg, 5000, async () => 9000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(hangups).toEqual([1_005_000]);
  });

  it('a message that fails leaves silence until the bound, and says why', async () => {
    const { leg, hangups } = fakeLeg();
    const errors: string[] = [];
    void messageLeg(leg, 5000, async () => { throw new Error('rtpengine refused'); }, (e) => errors.push(e.message));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(hangups).toEqual([1_005_000]);
    expect(errors).toEqual(['rtpengine refused']);
  });

  it('a customer who hangs up first ends it, and no hang-up follows', async () => {
    const { leg, hangups, remoteHangup } = fakeLeg();
    const ended = messageLeg(leg, 5000, async () => 3000);
    await vi.advanceTimersByTimeAsync(1000);
    remoteHangup();
    expect((await ended).by).toBe('remote');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hangups).toEqual([]);
  });
});

describe('the announcer', () => {
  const facts = () => ({ outsourcer: 'Acme', client: 'Horizon' });
  const audio = { file: vi.fn(async (text: string, language: string) => ({ file: `/run/${language}.wav`, durationMs: 7000, text })) };

  function fakeRelay(o: { refuse?: boolean } = {}) {
    const steps: string[] = [];
    const relay: AnnouncementRelay = {
      toAnnouncement: async (callId, tag, sdp) => { steps.push(`toAnnouncement ${callId} ${tag} ${sdp}`); if (o.refuse) throw new Error('refused'); return 'relay-sdp'; },
      play: async (callId, tag, file) => { steps.push(`play ${callId} ${tag} ${file}`); return 7020; },
      end: async (callId) => { steps.push(`end ${callId}`); },
    };
    return { relay, steps };
  }

  it('re-INVITEs the customer through the relay, plays the message in the number\'s language, deletes at the end', async () => {
    const { relay, steps } = fakeRelay();
    const { leg, remoteHangup } = fakeLeg();
    const play = announcer({ relay, audio, facts });
    expect(await play(leg, { phone: '+33612000001', callerId: '+33180001001' })).toBe(7020);
    expect(leg.reoffer).toHaveBeenCalledWith('relay-sdp');
    expect(audio.file).toHaveBeenLastCalledWith(expect.stringMatching(/^Bonjour, ici Acme pour le compte d'Horizon\. .* 01 80 00 10 01\. Au revoir\.$/), 'fr');
    expect(steps).toEqual(['toAnnouncement call-1 cust customer-sdp', 'play call-1 cust /run/fr.wav']);
    remoteHangup();
    await vi.advanceTimersByTimeAsync(0);
    expect(steps.at(-1)).toBe('end call-1');

    await play(fakeLeg().leg, { phone: '+447700900123', callerId: '+33180001001' });
    expect(audio.file).toHaveBeenLastCalledWith(expect.stringMatching(/^Hello, this is Acme calling on behalf of Horizon\./), 'en');
  });

  it('frees the relay and fails when the relay refuses or the customer refuses the re-INVITE', async () => {
    const refused = fakeRelay({ refuse: true });
    await expect(announcer({ relay: refused.relay, audio, facts })(fakeLeg().leg, { phone: '+33612000001', callerId: null })).rejects.toThrow('refused');
    expect(refused.steps.at(-1)).toBe('end call-1');

    const ok = fakeRelay();
    const { leg } = fakeLeg(async () => { throw new Error('re-INVITE refused with 488'); });
    await expect(announcer({ relay: ok.relay, audio, facts })(leg, { phone: '+33612000001', callerId: null })).rejects.toThrow('488');
    expect(ok.steps).toEqual(['toAnnouncement call-1 cust customer-sdp', 'end call-1']);
  });
});
