// The layers import one way, and no module imports itself back through others: checked on the whole tree, and
// the checker shown to catch a wrong import, a test's use of the datasets and a cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectImports } from './imports';
import { importCycles, layerViolations, LAYERS } from './rules';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return name === 'node_modules' ? [] : sources(rel);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

function importsOf(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, projectImports(f, readFileSync(path.join(ROOT, f), 'utf8'))]));
}

/** An import target as a file of the tree (`x` may name `x.ts`, `x.tsx` or `x/index.ts`). */
function resolveFile(target: string): string | undefined {
  return [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((f) => existsSync(path.join(ROOT, f)) && statSync(path.join(ROOT, f)).isFile());
}

describe('the layers of the tree', () => {
  const imports = importsOf(LAYERS.flatMap((l) => sources(l)));

  it('import one way: app → server → dialer → clickhouse', () => {
    expect(imports.size).toBeGreaterThan(300);
    expect(layerViolations(imports)).toEqual([]);
  });

  it('have no import cycle', () => {
    expect(importCycles(imports, resolveFile)).toEqual([]);
  });

  it('hand the campaigns of every tenant to the alert evaluator alone: no procedure, page or route reaches them', () => {
    const users = [...imports.keys()].filter((f) => !/\.test\.tsx?$/.test(f) && /\bsystemCampaignViews?\b/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(users.sort()).toEqual(['server/alerts/evaluator.ts', 'server/campaigns/views.ts']);
  });
});

describe('the layer checker', () => {
  it('catches an import against the layers, in any of its forms', () => {
    const imports = new Map([
      ['dialer/a.ts', projectImports('dialer/a.ts', "import { x } from '@/server/ingest/service';")],
      ['clickhouse/queries/b.ts', projectImports('clickhouse/queries/b.ts', "import type { T } from '../../server/kpi/formulas';")],
      ['app/c.tsx', projectImports('app/c.tsx', "const m = await import('@/dialer/runner/settings');")],
      ['server/d.ts', projectImports('server/d.ts', "export { y } from '@/app/i18n/messages';")],
      ['server/e.ts', projectImports('server/e.ts', "import { z } from 'zod';\nimport { w } from '@/clickhouse/vocabulary';")],
    ]);
    expect(layerViolations(imports).map((v) => `${v.file} → ${v.imports}`)).toEqual([
      'dialer/a.ts → server/ingest/service', 'clickhouse/queries/b.ts → server/kpi/formulas', 'app/c.tsx → dialer/runner/settings', 'server/d.ts → app/i18n/messages',
    ]);
  });

  it('lets tests use the datasets under scripts/, never production code', () => {
    const imports = new Map([
      ['dialer/pacing/x.test.ts', ['scripts/datasets/paths']],
      ['dialer/pacing/x.ts', ['scripts/datasets/paths']],
    ]);
    expect(layerViolations(imports).map((v) => v.file)).toEqual(['dialer/pacing/x.ts']);
  });

  it('finds a cycle', () => {
    const imports = new Map([['app/a.ts', ['app/b']], ['app/b.ts', ['app/c']], ['app/c.ts', ['app/a']]]);
    expect(importCycles(imports, (t) => `${t.replace(/\.ts$/, '')}.ts`)).toEqual([['app/a.ts', 'app/b.ts', 'app/c.ts', 'app/a.ts']]);
  });
});
