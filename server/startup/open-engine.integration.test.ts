// A start after an unclean stop waits for the dead owner's last threads to let go of chDB's lock (here another
// process holding the engine for a second), instead of refusing; a clean start refuses at once.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClickhouse, DataDirLockedError } from '@/clickhouse/client';
import { openEngine } from './open-engine';

const root = path.resolve(__dirname, '../..');

/** Another process holding the engine on `dir` for `ms`, resolved once it holds it. */
async function holder(dir: string, ms: number) {
  const child = spawn(process.execPath, ['-e', `
    const { createChdbConnection } = require('chdb/connection');
    createChdbConnection({ path: ${JSON.stringify(dir)} });
    console.log('holding');
    setTimeout(() => process.exit(0), ${ms});`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { gone };
}

// chDB holds one engine per process: the refusal comes first, while none is open.
afterAll(() => closeClickhouse());

describe('openEngine', () => {
  it('after a clean stop, says at once that another process has the directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-open-'));
    const { gone } = await holder(dir, 1_500);
    await expect(openEngine({ kind: 'embedded', path: dir }, { release: () => {}, uncleanStop: false })).rejects.toBeInstanceOf(DataDirLockedError);
    await gone;
  });

  it('after an unclean stop, waits for the engine lock to be let go', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-open-'));
    const { gone } = await holder(dir, 1_000);
    const ch = await openEngine({ kind: 'embedded', path: dir }, { release: () => {}, uncleanStop: true });
    await gone;
    expect(await (await ch.query({ query: 'SELECT 1 AS one', format: 'JSONEachRow' })).json()).toEqual([{ one: 1 }]);
  });
});
