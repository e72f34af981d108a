import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './lock';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'relais-lock-'));

describe('lockDataDir', () => {
  it('takes the lock and releases it', () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    expect(existsSync(path.join(dir, 'relais.pid'))).toBe(true);
    expect(lock.uncleanStop).toBe(false);
    lock.release();
    expect(existsSync(path.join(dir, 'relais.pid'))).toBe(false);
  });

  it('refuses while another live process holds it', async () => {
    const dir = tmp();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(dir, 'relais.pid'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`already running on data directory .* \\(pid ${other.pid}\\)`));
    } finally {
      other.kill();
    }
  });

  it('takes over a pid file left by a dead process', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'relais.pid'), '999999999');
    const lock = lockDataDir(dir);
    expect(lock.uncleanStop).toBe(true);
    lock.release();
  });

  it('takes over a pid file whose process was killed and is not reaped yet (a zombie, just after kill -9)', async () => {
    const dir = tmp();
    // sh starts `sleep 0` and becomes `sleep 5`, which never reaps it: the owner stays a zombie meanwhile.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = (await new Promise<Buffer>((resolve) => parent.stdout!.once('data', resolve))).toString().trim();
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(dir, 'relais.pid'), zombie);
      lockDataDir(dir).release();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
