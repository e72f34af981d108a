// Start-up refuses a bad environment before it touches anything: the variable is named, the data directory is
// not created, no migration or demo seed runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function start(env: Record<string, string>) {
  const parent = mkdtempSync(path.join(tmpdir(), 'relais-bad-env-'));
  const dataDir = path.join(parent, 'data');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts', '--dev'], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, RELAIS_DATA_DIR: dataDir, PORT: '1', RELAIS_SIP_WS: '', ...env },
  });
  const created = existsSync(dataDir);
  rmSync(parent, { recursive: true, force: true });
  return { ...run, created };
}

describe('start-up with a bad environment', () => {
  it.each([
    ['RELAIS_BOOTSTRAP_API_KEY', 'not-a-key'],
    ['RELAIS_SIP_KEEPALIVE_SECONDS', 'often'],
    ['RELAIS_INGEST_WORKERS', 'two'],
    ['RELAIS_SIP_WS_PORT', '99999'],
    ['RELAIS_UPLOAD_MAX_MIB', '-3'],
  ])('refuses %s=%s naming it, before the data directory exists', (name, value) => {
    const run = start({ [name]: value });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`Relais cannot start: Environment variable ${name} is invalid`));
    expect(run.created).toBe(false);
  });
});
