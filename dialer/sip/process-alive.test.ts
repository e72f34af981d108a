import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processAlive } from './process-alive';

describe('processAlive', () => {
  it('is true for a running process, false for one that has exited and for no pid at all', () => {
    expect(processAlive(process.pid)).toBe(true);
    const exited = spawnSync('true').pid!;
    expect(processAlive(exited)).toBe(false);
    expect(processAlive(0)).toBe(false);
    expect(processAlive(Number.NaN)).toBe(false);
  });
});
