import { describe, expect, it } from 'vitest';
import { planMigrations, splitStatements } from './migration-plan';

const file = (name: string) => ({ name, sql: `-- ${name}` });

describe('planMigrations', () => {
  it('orders by number whatever the directory order', () => {
    const plan = planMigrations([file('0003_c.sql'), file('0001_a.sql'), file('0002_b.sql')], new Set());
    expect(plan.map((f) => f.name)).toEqual(['0001_a.sql', '0002_b.sql', '0003_c.sql']);
  });

  it('skips what was applied, so a second run plans nothing', () => {
    const files = [file('0001_a.sql'), file('0002_b.sql')];
    expect(planMigrations(files, new Set(['0001_a.sql'])).map((f) => f.name)).toEqual(['0002_b.sql']);
    expect(planMigrations(files, new Set(['0001_a.sql', '0002_b.sql']))).toEqual([]);
  });

  it('refuses malformed names and two files with one number', () => {
    expect(() => planMigrations([file('1_a.sql')], new Set())).toThrow(/must look like 0001_short_name.sql/);
    expect(() => planMigrations([file('0001_a.sql'), file('0001_b.sql')], new Set())).toThrow(/share the number 0001/);
  });
});

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const sql = `-- header\nCREATE TABLE a (x String DEFAULT ';') ENGINE = Memory;\n\n-- next\nCREATE TABLE b (y UInt8) ENGINE = Memory;\n`;
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (x String DEFAULT ';') ENGINE = Memory",
      'CREATE TABLE b (y UInt8) ENGINE = Memory',
    ]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitStatements('SELECT 1;\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
