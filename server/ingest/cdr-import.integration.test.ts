// The portal's CDR import procedure on a real chDB engine: same validation as the API, lines, roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';

let engine: TestEngine;
let acmeIn: string;
const as = (email: string) => callerAs(engine.ch, email);

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  acmeIn = (await (await as('manager@callpro.test')).campaigns.list()).find((c) => c.code === 'ACME-IN')!.id;
});
afterAll(() => engine.close());

const row = (id: string, extra: Record<string, string> = {}) => ({
  id, direction: 'inbound', started_at: '02/03/2026 09:00:00', connected_at: '02/03/2026 09:00:10', ended_at: '02/03/2026 09:04:00', outcome: 'connected', ...extra,
});

describe('cdrImport.chunk', () => {
  it('imports good rows, reports bad ones by file line, and counts them in the KPIs', async () => {
    const manager = await as('manager@callpro.test');
    const answer = await manager.cdrImport.chunk({
      campaignId: acmeIn, timeZone: 'Europe/Paris', firstLine: 2,
      rows: [row('r1'), row('r2', { ended_at: '02/03/2026 08:00:00' }), row('r3', { outcome: 'teleported' }), row('r4')],
    });
    expect(answer.accepted).toBe(2);
    expect(answer.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(answer.rejected[0]!.error).toBe('ended_at: must not be before started_at');
    const report = await manager.kpi.range({ campaignId: acmeIn, from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 3) });
    expect(report.kpis).toMatchObject({ offered: 2, connected: 2, asa_seconds: 10 });
  });

  it('re-importing the same file replaces, never doubles', async () => {
    const manager = await as('manager@callpro.test');
    await manager.cdrImport.chunk({ campaignId: acmeIn, timeZone: 'Europe/Paris', firstLine: 2, rows: [row('r1'), row('r4')] });
    const report = await manager.kpi.range({ campaignId: acmeIn, from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 3) });
    expect(report.kpis.offered).toBe(2);
  });

  it('is for the outsourcer’s managers and admins, inside their scope', async () => {
    const input = { campaignId: acmeIn, timeZone: 'Europe/Paris', firstLine: 2, rows: [row('x')] };
    expect(await codeOf((await as('admin@callpro.test')).cdrImport.chunk(input))).toBe('OK');
    expect(await codeOf((await as('client@acme.test')).cdrImport.chunk(input))).toBe('FORBIDDEN');
    expect(await codeOf((await as('agent1@callpro.test')).cdrImport.chunk(input))).toBe('FORBIDDEN');
    expect(await codeOf((await as('client@horizon.test')).cdrImport.chunk(input))).toBe('FORBIDDEN');
  });
});
