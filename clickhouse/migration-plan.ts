// Pure rules of the migration runner: which files run, in which order, split into statements.
export interface MigrationFile {
  name: string;
  sql: string;
}

const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Pending files in numeric order; refuses malformed names and two files with one number. */
export function planMigrations(files: MigrationFile[], applied: ReadonlySet<string>): MigrationFile[] {
  const byNumber = new Map<string, string>();
  for (const f of files) {
    const m = NAME.exec(f.name);
    if (!m) throw new Error(`Migration file name ${f.name} must look like 0001_short_name.sql`);
    const other = byNumber.get(m[1]!);
    if (other) throw new Error(`Migrations ${other} and ${f.name} share the number ${m[1]}`);
    byNumber.set(m[1]!, f.name);
  }
  return [...files].sort((a, b) => a.name.localeCompare(b.name)).filter((f) => !applied.has(f.name));
}

/** ClickHouse runs one statement per request: split on `;` at line ends, dropping `--` comments. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
