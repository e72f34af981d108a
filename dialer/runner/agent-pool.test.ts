import { describe, expect, it } from 'vitest';
import type { AgentStateEvent } from '@/dialer/agents/agent-state';
import { AgentPool } from './agent-pool';

const never = new Promise<never>(() => {});

function pool() {
  let now = 1_000;
  const events: AgentStateEvent[] = [];
  const p = new AgentPool((e) => events.push(e), () => now);
  return { p, events, tick: (ms: number) => (now += ms) };
}

describe('the agent pool', () => {
  it('gives a freed agent to the waiting inbound caller before an older outbound answer (blending)', async () => {
    const { p, tick } = pool();
    p.login('A1', 'agent-a1', ['IN', 'OUT']);
    p.set('A1', 'ringing', 'OUT');
    p.set('A1', 'on_call', 'OUT');
    const outbound = p.claim('OUT', 10_000, never);
    tick(500);
    const inbound = p.claim('IN', 10_000, never, true);
    expect(p.waiting('OUT')).toBe(1);
    expect(p.inboundWaitingFor('OUT')).toBe(1); // A1 could take the IN caller: OUT's pacing counts it
    tick(2_000);
    expect(p.longestInboundWait('IN')).toBe(2_000);
    p.set('A1', 'wrapup', 'OUT');
    p.set('A1', 'available');
    expect((await inbound)?.code).toBe('A1');
    expect(p.get('A1')?.state).toBe('ringing');
    expect(p.waiting('OUT')).toBe(1);
  });

  it('routes by skill: a caller waits for an agent of its campaign, other agents do not count for it', async () => {
    const { p } = pool();
    p.login('A3', 'agent-a3', ['HZ-IN']);
    const acme = p.claim('ACME-IN', 10_000, never, true);
    expect(p.inboundWaitingFor('HZ-IN')).toBe(0);
    p.login('A1', 'agent-a1', ['ACME-IN']);
    expect((await acme)?.code).toBe('A1');
    expect(p.get('A3')?.state).toBe('available');
  });

  it('a caller who hangs up leaves the queue', async () => {
    const { p } = pool();
    let hangUp: () => void = () => {};
    const gone = new Promise<void>((r) => (hangUp = r));
    const waiting = p.claim('IN', 10_000, gone, true);
    expect(p.waiting('IN', true)).toBe(1);
    hangUp();
    expect(await waiting).toBeUndefined();
    expect(p.waiting('IN')).toBe(0);
  });
});
