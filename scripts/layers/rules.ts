// Pure: the one-way layers of the code (README, "Layout"): app → server → dialer → clickhouse, server also →
// clickhouse. Test files follow them too, and may also use the test support under scripts/ (the datasets);
// production code never imports scripts/. scripts/ and e2e/ sit above everything and are not checked.
export const LAYERS = ['app', 'server', 'dialer', 'clickhouse'] as const;
export type Layer = (typeof LAYERS)[number];

export const MAY_IMPORT: Record<Layer, readonly string[]> = {
  app: ['app', 'server'],
  server: ['server', 'dialer', 'clickhouse'],
  dialer: ['dialer', 'clickhouse'],
  clickhouse: ['clickhouse'],
};

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const topOf = (file: string) => file.split('/')[0]!;

export interface Violation { file: string; imports: string; rule: string }

/** Every import of `imports` (file → the project files it imports) that goes against the layers. */
export function layerViolations(imports: ReadonlyMap<string, readonly string[]>): Violation[] {
  const out: Violation[] = [];
  for (const [file, targets] of imports) {
    const layer = topOf(file) as Layer;
    if (!LAYERS.includes(layer)) continue;
    const allowed = isTest(file) ? [...MAY_IMPORT[layer], 'scripts'] : MAY_IMPORT[layer];
    for (const target of targets) {
      const top = topOf(target);
      if (!allowed.includes(top)) out.push({ file, imports: target, rule: `${layer}/ may import ${allowed.join(', ')}/ only` });
    }
  }
  return out;
}

/** The import cycles among the files (each once, from its first file in sorted order). */
export function importCycles(imports: ReadonlyMap<string, readonly string[]>, resolve: (target: string) => string | undefined): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of imports.get(file) ?? []) {
      const next = resolve(target);
      if (!next) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...imports.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
