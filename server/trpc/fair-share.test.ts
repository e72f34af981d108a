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
  it('runs up to its slots at once, then the waiting calls of each account in turn', async () => {
    const share = new FairShare(2, 100);
    const log: string[] = [];
    const heavy = Array.from({ length: 6 }, (_, i) => gatedWork(log, `A${i}`));
    const light = gatedWork(log, 'B0');
    const runs = heavy.map((h) => share.run('a', h.work));
    runs.push(share.run('b', light.work));
    await tick();
    expect(log).toEqual(['A0', 'A1']);
    heavy[0]!.end();
    await tick();
    expect(log).toEqual(['A0', 'A1', 'A2']);
    heavy[1]!.end();
    await tick();
    // B arrived behind four more of A's calls, and takes the next turn all the same.
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0']);
    light.end();
    heavy[2]!.end();
    await tick();
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0', 'A3', 'A4']);
    heavy.slice(3).forEach((h) => h.end());
    await Promise.all(runs);
    expect(log).toEqual(['A0', 'A1', 'A2', 'B0', 'A3', 'A4', 'A5']);
  });

  it('frees the slot when the work fails', async () => {
    const share = new FairShare(1, 100);
    await expect(share.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(share.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('refuses an account more waiting calls than allowed, and only that account', async () => {
    const share = new FairShare(1, 2);
    const log: string[] = [];
    const first = gatedWork(log, 'A0');
    const running = share.run('a', first.work);
    const waiting = [share.run('a', async () => {}), share.run('a', async () => {})];
    await expect(share.run('a', async () => {})).rejects.toBeInstanceOf(TooManyWaiting);
    const other = share.run('b', async () => 'b ran');
    expect(share.waitingOf('a')).toBe(2);
    first.end();
    await expect(other).resolves.toBe('b ran');
    await Promise.all([running, ...waiting]);
    expect(share.waitingOf('a')).toBe(0);
  });
});
