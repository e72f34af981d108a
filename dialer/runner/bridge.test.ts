import { describe, expect, it } from 'vitest';
import type { Relay } from '@/dialer/media/relay';
import type { AnsweredLeg, DialOptions, DialResult, LegEnd } from '@/dialer/sip/dialer-ua';
import { bridgeToAgent } from './bridge';

function leg(remoteSdp: string, remoteTag: string): AnsweredLeg & { reoffered: string[]; hungUp: boolean; end: () => void } {
  let end: (e: LegEnd) => void = () => {};
  const self = {
    answeredAt: 0, remoteSdp, dialog: { callId: 'call-1', localTag: 'ours', remoteTag }, reoffered: [] as string[], hungUp: false,
    reoffer: async (sdp: string) => { self.reoffered.push(sdp); return 'customer answer'; },
    hangup: async () => { self.hungUp = true; },
    ended: new Promise<LegEnd>((r) => (end = r)),
    end: () => end({ endedAt: 1, by: 'remote' }),
  };
  return self;
}

function fakeRelay(fail?: 'offer' | 'answer') {
  const log: string[] = [];
  const relay: Relay = {
    toAgent: async (callId, tag, sdp, kind) => { log.push(`offer ${callId} ${tag} ${sdp} ${kind}`); if (fail === 'offer') throw new Error('no rtpengine'); return 'relay offer'; },
    toCustomer: async (callId, tag, agentTag, sdp) => { log.push(`answer ${callId} ${tag} ${agentTag} ${sdp}`); if (fail === 'answer') throw new Error('refused'); return 'relay answer'; },
    end: async (callId) => { log.push(`end ${callId}`); },
  };
  return { relay, log };
}

describe('bridgeToAgent', () => {
  it('without a relay swaps the SDPs directly (robot agents)', async () => {
    const customer = leg('customer sdp', 'c-tag');
    const agent = leg('agent sdp', 'a-tag');
    const offers: (string | undefined)[] = [];
    const dial = async (_u: string, o?: DialOptions): Promise<DialResult> => { offers.push(o?.offerSdp); return { outcome: 'answered', startedAt: 0, leg: agent }; };
    expect((await bridgeToAgent(dial, customer, 'agent-1')).kind).toBe('bridged');
    expect(offers).toEqual(['customer sdp']);
    expect(customer.reoffered).toEqual(['agent sdp']);
  });

  it('with a relay: the agent gets the relay offer, the customer the relay answer; the call is freed when a side hangs up', async () => {
    const customer = leg('customer sdp', 'c-tag');
    const agent = leg('agent sdp', 'a-tag');
    const offers: (string | undefined)[] = [];
    const dial = async (_u: string, o?: DialOptions): Promise<DialResult> => { offers.push(o?.offerSdp); return { outcome: 'answered', startedAt: 0, leg: agent }; };
    const { relay, log } = fakeRelay();
    const result = await bridgeToAgent(dial, customer, 'agent-1', { relay, agentKind: 'webrtc' });
    expect(result.kind).toBe('bridged');
    expect(offers).toEqual(['relay offer']);
    expect(customer.reoffered).toEqual(['relay answer']);
    expect(log).toEqual(['offer call-1 c-tag customer sdp webrtc', 'answer call-1 c-tag a-tag agent sdp']);
    agent.end();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.at(-1)).toBe('end call-1');
  });

  it('a relay failure puts nobody through and frees what the relay holds', async () => {
    const customer = leg('customer sdp', 'c-tag');
    const agent = leg('agent sdp', 'a-tag');
    let dialled = 0;
    const dial = async (): Promise<DialResult> => { dialled++; return { outcome: 'answered', startedAt: 0, leg: agent }; };
    const offerFails = fakeRelay('offer');
    expect(await bridgeToAgent(dial, customer, 'agent-1', { relay: offerFails.relay, agentKind: 'rtp' })).toEqual({ kind: 'media_failed', reason: 'no rtpengine' });
    expect(dialled).toBe(0);
    expect(offerFails.log.at(-1)).toBe('end call-1');
    const answerFails = fakeRelay('answer');
    expect((await bridgeToAgent(dial, customer, 'agent-1', { relay: answerFails.relay, agentKind: 'rtp' })).kind).toBe('media_failed');
    expect(agent.hungUp).toBe(true);
    expect(customer.reoffered).toEqual([]);
  });

  it('an agent who does not answer frees the relay call', async () => {
    const { relay, log } = fakeRelay();
    const dial = async (): Promise<DialResult> => ({ outcome: 'no_answer', startedAt: 0, endedAt: 1, status: 487 });
    expect((await bridgeToAgent(dial, leg('customer sdp', 'c-tag'), 'agent-1', { relay, agentKind: 'webrtc' })).kind).toBe('agent_no_answer');
    expect(log.at(-1)).toBe('end call-1');
  });
});
