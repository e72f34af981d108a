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
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, 'relais.pid'))).toBe(true);
    release();
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
    const release = lockDataDir(dir);
    release();
  });
});
