import { spawn, spawnSync } from 'node:child_process';
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

  it('is false for a zombie: killed, not yet reaped by its parent (a lock owner just after kill -9)', async () => {
    // sh starts `sleep 0` and becomes `sleep 5`, which never reaps it: the child stays a zombie while sleep 5 runs.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
      await new Promise((r) => setTimeout(r, 300));
      expect(() => process.kill(pid, 0)).not.toThrow(); // the kernel still has it
      expect(processAlive(pid)).toBe(false);
      expect(processAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
