// Production code never imports the pacing simulation: the simulator, baselines and oracles are for the bench and tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const SIMULATION = path.join(ROOT, 'dialer', 'pacing', 'simulation');

/** Source files of the layers that ship (tests, test support and scripts may use the simulation). */
function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'testing' || full === SIMULATION ? [] : productionFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

const SPECIFIER = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

describe('dialer/pacing/simulation', () => {
  it('is imported by no production file', () => {
    const offenders: string[] = [];
    for (const file of ['app', 'server', 'dialer', 'clickhouse'].flatMap((d) => productionFiles(path.join(ROOT, d)))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const target = spec!.startsWith('.') ? path.resolve(path.dirname(file), spec!) : spec!.startsWith('@/') ? path.join(ROOT, spec!.slice(2)) : '';
        if (target === SIMULATION || target.startsWith(SIMULATION + path.sep)) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
