// Pure: the project files a source file imports (static, type-only, dynamic, require, re-export), as paths from
// the repository root; packages are left out.
import path from 'node:path';

const SPECIFIERS = [
  /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** `file` and the result are relative to the repository root, with forward slashes. */
export function projectImports(file: string, source: string): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const m of source.matchAll(pattern)) {
      const spec = m[1]!;
      if (spec.startsWith('@/')) found.add(spec.slice(2));
      else if (spec.startsWith('.')) found.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    }
  }
  return [...found];
}
