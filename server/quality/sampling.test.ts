import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/dialer/pacing/random';
import { drawSample, isoWeekOf, weekSpan, type Candidate } from './sampling';
import { nextStatus } from './status';

const calls = (agent: string, converted: number, other: number): Candidate[] => [
  ...Array.from({ length: converted }, (_, i) => ({ callId: `${agent}-c${i}`, agent, stratum: 'converted' })),
  ...Array.from({ length: other }, (_, i) => ({ callId: `${agent}-n${i}`, agent, stratum: 'not_converted' })),
];

describe('drawSample', () => {
  it('draws N per agent, less what is already queued, never a call twice', () => {
    const picked = drawSample([...calls('A1', 3, 20), ...calls('A2', 1, 5)], new Map([['A2', 1]]), 4, mulberry32(1));
    expect(picked.filter((c) => c.agent === 'A1')).toHaveLength(4);
    expect(picked.filter((c) => c.agent === 'A2')).toHaveLength(3);
    expect(new Set(picked.map((c) => c.callId)).size).toBe(picked.length);
  });

  it('takes every stratum in turn: a rare converted call is in the sample', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const picked = drawSample(calls('A1', 1, 40), new Map(), 2, mulberry32(seed));
      expect(picked.map((c) => c.stratum).sort()).toEqual(['converted', 'not_converted']);
    }
  });

  it('draws at random: another seed, another sample', () => {
    const a = drawSample(calls('A1', 0, 40), new Map(), 3, mulberry32(1)).map((c) => c.callId);
    const b = drawSample(calls('A1', 0, 40), new Map(), 3, mulberry32(2)).map((c) => c.callId);
    expect(a).not.toEqual(b);
  });

  it('takes what there is when an agent has fewer calls, nothing when the quota is met', () => {
    expect(drawSample(calls('A1', 0, 1), new Map(), 3, mulberry32(1))).toHaveLength(1);
    expect(drawSample(calls('A1', 0, 9), new Map([['A1', 3]]), 3, mulberry32(1))).toHaveLength(0);
  });
});

describe('ISO weeks', () => {
  it('starts on Monday in the campaign zone', () => {
    // Sunday 8 March 2026 23:30 in Paris is still the week of Monday 2 March; 00:30 on the 9th is the next.
    expect(isoWeekOf(Date.UTC(2026, 2, 8, 22, 30), 'Europe/Paris').week).toBe('2026-03-02');
    expect(isoWeekOf(Date.UTC(2026, 2, 8, 23, 30), 'Europe/Paris').week).toBe('2026-03-09');
    expect(weekSpan('2026-03-02', 'Europe/Paris')).toEqual({ week: '2026-03-02', from: Date.UTC(2026, 2, 1, 23), to: Date.UTC(2026, 2, 8, 23) });
    expect(() => weekSpan('2026-03-03', 'Europe/Paris')).toThrow();
    // A day that does not exist would roll over to a Monday (30 February → 2 March): refused.
    expect(() => weekSpan('2026-02-30', 'Europe/Paris')).toThrow();
  });
});

describe('evaluation status', () => {
  it('lets the agent acknowledge or dispute, the evaluator answer a dispute only', () => {
    expect(nextStatus('submitted', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('submitted', 'dispute')).toBe('disputed');
    expect(nextStatus('disputed', 'respond')).toBe('revised');
    expect(nextStatus('revised', 'dispute')).toBe('disputed');
    expect(nextStatus('acknowledged', 'dispute')).toBeNull();
    expect(nextStatus('submitted', 'respond')).toBeNull();
    expect(nextStatus('disputed', 'acknowledge')).toBeNull();
  });
});
