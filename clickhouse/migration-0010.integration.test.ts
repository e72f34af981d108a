// 0010 merges the two stores of targets (the campaign's columns, the brief's) into campaign_targets: the campaign's
// own value first, else its partnership brief's latest, and drops the old columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { migrate, readMigrationFiles } from './migrate';
import { selectRows } from './queries/rows';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine({ migrated: false });
}, 120_000);
afterAll(() => engine?.close());

describe('migration 0010', () => {
  it('moves existing targets into campaign_targets and drops the duplicates', async () => {
    const files = readMigrationFiles();
    await migrate(engine.ch, files.filter((f) => f.name < '0010'));
    const campaign = (id: string, partnership: string, extra: object) => ({
      id, code: id, partnership_id: partnership, name: id, direction: 'inbound', dial_mode: 'none', status: 'active', time_zone: 'Europe/Paris',
      success_dispositions: ['sale'], created_at: 0, version: 1, deleted: 0, ...extra,
    });
    await engine.ch.insert({ table: 'campaigns', format: 'JSONEachRow', values: [
      campaign('C1', 'P1', { target_service_level: 0.8, target_nps: 30 }),
      campaign('C2', 'P1', {}),
      campaign('C3', 'P2', { target_conversion_rate: 0.1, target_sal: 0.7, target_sal_hours: 8 }),
    ] });
    const brief = (revision: number, extra: object) => ({
      partnership_id: 'P1', revision, objectives: '', technical_scope: '', client_contact_name: '', client_contact_email: '', client_contact_phone: '',
      outsourcer_contact_name: '', outsourcer_contact_email: '', outsourcer_contact_phone: '', edited_by: 'u', edited_by_name: 'U', edited_at: 0, ...extra,
    });
    await engine.ch.insert({ table: 'briefs', format: 'JSONEachRow', values: [brief(1, { target_aht_seconds: 999 }), brief(2, { target_aht_seconds: 240, target_service_level: 0.9 })] });

    expect(await migrate(engine.ch, files)).toContain('0010_campaign_settings.sql');
    const rows = await selectRows<Record<string, unknown>>(engine.ch, 'SELECT * EXCEPT (edited_at) FROM campaign_targets FINAL ORDER BY campaign_id');
    expect(rows).toEqual([
      expect.objectContaining({ campaign_id: 'C1', partnership_id: 'P1', revision: 1, target_service_level: 0.8, target_aht_seconds: 240, target_nps: 30, target_conversion_rate: null }),
      expect.objectContaining({ campaign_id: 'C2', target_service_level: 0.9, target_aht_seconds: 240, target_nps: null }),
      expect.objectContaining({ campaign_id: 'C3', partnership_id: 'P2', target_conversion_rate: 0.1, target_sal: 0.7, target_sal_hours: 8, target_aht_seconds: null }),
    ]);
    const columns = await selectRows<{ table: string; name: string }>(engine.ch,
      "SELECT table, name FROM system.columns WHERE database = currentDatabase() AND table IN ('campaigns', 'briefs') AND name LIKE 'target%'");
    expect(columns).toEqual([]);
  });
});
