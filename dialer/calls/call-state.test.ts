// The call's legal moves, written once: every path the runner takes is legal, anything else is refused.
import { describe, expect, it } from 'vitest';
import { CALL_STATES, canMoveCall, IllegalCallMove, type CallState } from './call-state';
import { LiveCalls } from './live-calls';

/** The runner's paths, start to end. */
const PATHS: CallState[][] = [
  ['ringing', 'done'], // busy, no answer, failed
  ['ringing', 'answered', 'message', 'done'], // no agent within 2 s
  ['ringing', 'answered', 'bridging', 'message', 'done'], // the agent's phone did not answer
  ['ringing', 'answered', 'bridging', 'done'], // the customer hung up while the agent was put through
  ['ringing', 'answered', 'bridging', 'talking', 'wrapup', 'done'],
  ['ringing', 'answered', 'bridging', 'talking', 'done'], // the agent was logged out during the call
  ['queued', 'done'], // the caller hung up in the queue
  ['queued', 'message', 'done'], // the queue timed out
  ['queued', 'bridging', 'queued', 'bridging', 'talking', 'wrapup', 'done'], // an agent's phone failed, another took it
  ['queued', 'bridging', 'done'],
];

describe('the call state machine', () => {
  it('allows every path the runner takes', () => {
    for (const path of PATHS) for (let i = 1; i < path.length; i++) expect(canMoveCall(path[i - 1]!, path[i]!), path.join(' → ')).toBe(true);
  });

  it('allows nothing else', () => {
    const legal = new Set(PATHS.flatMap((p) => p.slice(1).map((to, i) => `${p[i]}→${to}`)));
    for (const from of CALL_STATES) for (const to of CALL_STATES) expect(canMoveCall(from, to), `${from} → ${to}`).toBe(legal.has(`${from}→${to}`));
  });

  it('keeps one map with counts by state, and throws on an illegal move', () => {
    const calls = new LiveCalls();
    const a = calls.add({ id: 'a', direction: 'outbound', phone: '+33612000001', startedAt: 0 }, 'ringing');
    const b = calls.add({ id: 'b', direction: 'inbound', phone: '+33612000002', startedAt: 0 }, 'queued');
    calls.move(a, 'answered');
    expect([calls.count('ringing'), calls.count('answered', 'queued'), calls.size]).toEqual([0, 2, 2]);
    expect(() => calls.move(b, 'wrapup')).toThrow(IllegalCallMove);
    expect(() => calls.add({ id: 'c', direction: 'outbound', phone: '', startedAt: 0 }, 'talking')).toThrow();
    calls.move(b, 'done');
    expect([calls.size, calls.count('queued'), calls.find((c) => c.id === 'b')]).toEqual([1, 0, undefined]);
  });
});
