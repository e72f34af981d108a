// The figures the evaluator asks the KPI module for (figuresRead): every rule's value must be among them, or it
// would read a figure computed from no data.
import { describe, expect, it } from 'vitest';
import { KPI_INPUTS, type KpiValues } from '@/server/kpi/report';
import { ALERT_KPIS, alertValueOf, figuresRead, type AlertKpi } from './kpis';

describe('figuresRead', () => {
  it('names the KPI module’s figure of every rule but the queue’s two, once each', () => {
    expect(figuresRead([...ALERT_KPIS]).sort()).toEqual(ALERT_KPIS.filter((k) => k !== 'callers_waiting' && k !== 'longest_wait_seconds').sort());
    expect(figuresRead(['service_level', 'callers_waiting', 'service_level'])).toEqual(['service_level']);
    expect(figuresRead(['longest_wait_seconds'])).toEqual([]);
    for (const k of figuresRead([...ALERT_KPIS])) expect(KPI_INPUTS[k], k).toBeDefined();
  });

  it('covers what alertValueOf reads of the figures', () => {
    // Each figure a distinct value: a rule reads its own, and only from the figures when figuresRead names it.
    const kpis = Object.fromEntries(Object.keys(KPI_INPUTS).map((k, i) => [k, i + 1])) as unknown as KpiValues;
    for (const kpi of ALERT_KPIS as readonly AlertKpi[]) {
      const fromFigures = alertValueOf(kpi, { kpis, queue: null });
      expect(fromFigures !== null, kpi).toBe(figuresRead([kpi]).includes(kpi as never));
      if (fromFigures !== null) expect(fromFigures).toBe(kpis[kpi as keyof KpiValues]);
    }
  });
});
