import { describe, expect, it } from 'vitest';
import { FairShare, TooManyWaiting } from './fair-share';

/** A piece of work that ends when told to, recording when it started. */
function gatedWork(log: string[], name: string) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return { work: async () => { log.push(name); await ended; }, end: () => end() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FairShare', () => {
  it('keeps a slot for other accounts: a busy account runs its share, another starts at once', async () => {
    const share = new FairShare(2, 1, 100);
    const log: string[] = [];
    const heavy = Array.from({ length: 4 }, (_, i) => gatedWork(log, `A${i}`));
    const runs = heavy.map((h) => share.run('a', h.work));
    await tick();
    expect(log).toEqual(['A0']);
    const light = gatedWork(log, 'B0');
    runs.push(share.run('b', light.work));
    await tick();
    // B arrived behind three waiting calls of A's, and runs beside A's running one.
    expect(log).toEqual(['A0', 'B0']);
    light.end();
    heavy[0]!.end();
    await tick();
    expect(log).toEqual(['A0', 'B0', 'A1']);
    heavy.slice(1).forEach((h) => h.end());
    await Promise.all(runs);
    expect(log).toEqual(['A0', 'B0', 'A1', 'A2', 'A3']);
  });

  it('gives waiting accounts their turns in order when the slots are taken', async () => {
    const share = new FairShare(2, 2, 100);
    const log: string[] = [];
    const a = Array.from({ length: 4 }, (_, i) => gatedWork(log, `A${i}`));
    const b = Array.from({ length: 2 }, (_, i) => gatedWork(log, `B${i}`));
    const runs = [...a.map((w) => share.run('a', w.work)), ...b.map((w) => share.run('b', w.work))];
    await tick();
    expect(log).toEqual(['A0', 'A1']);
    a[0]!.end();
    await tick();
    // A was first in line, so its turn comes first; then B's, then A's again.
    expect(log).toEqual(['A0', 'A1', 'A2']);
    a[1]!.end();
    await tick();
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0']);
    a[2]!.end();
    await tick();
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0', 'A3']);
    [...a, ...b].forEach((w) => w.end());
    await Promise.all(runs);
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0', 'A3', 'B1']);
  });

  it('frees the slot when the work fails', async () => {
    const share = new FairShare(1, 1, 100);
    await expect(share.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(share.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('refuses an account more waiting calls than allowed, and only that account', async () => {
    const share = new FairShare(2, 1, 2);
    const log: string[] = [];
    const first = gatedWork(log, 'A0');
    const running = share.run('a', first.work);
    await tick();
    const waiting = [share.run('a', async () => {}), share.run('a', async () => {})];
    await expect(share.run('a', async () => {})).rejects.toBeInstanceOf(TooManyWaiting);
    await expect(share.run('b', async () => 'b ran')).resolves.toBe('b ran');
    expect(share.waitingOf('a')).toBe(2);
    first.end();
    await Promise.all([running, ...waiting]);
    expect(share.waitingOf('a')).toBe(0);
  });
});
