import { describe, expect, it } from 'vitest';
import { NO_TARGETS, type Targets } from '@/clickhouse/queries/targets';
import { targetOf } from './kpi-targets';
import { sharedTargets } from './shared-targets';

const with_ = (t: Partial<Targets>): Targets => ({ ...NO_TARGETS, ...t });

describe('sharedTargets', () => {
  it('keeps a target every campaign has at the same value', () => {
    const shared = sharedTargets([with_({ target_aht_seconds: 300, target_nps: 30 }), with_({ target_aht_seconds: 300, target_nps: 20 })]);
    expect(shared.target_aht_seconds).toBe(300);
    expect(shared.target_nps).toBeNull();
  });

  it('drops a target one campaign lacks', () => {
    expect(sharedTargets([with_({ target_conversion_rate: 0.1 }), with_({})]).target_conversion_rate).toBeNull();
  });

  it('has no target for no campaign, and a lone campaign keeps its own', () => {
    expect(sharedTargets([])).toEqual(NO_TARGETS);
    const one = with_({ target_service_level: 0.8, target_abandon_rate: 0.03 });
    expect(sharedTargets([one])).toEqual(one);
  });
});

describe('targetOf', () => {
  it('reads a KPI against its brief target, the outbound abandon against the one abandon target', () => {
    const t = with_({ target_abandon_rate: 0.02, target_aht_seconds: 240 });
    expect(targetOf('outbound_abandon_rate', t)).toBe(0.02);
    expect(targetOf('aht_seconds', t)).toBe(240);
    expect(targetOf('occupancy', t)).toBeNull();
    expect(targetOf('aht_seconds', null)).toBeNull();
  });
});
