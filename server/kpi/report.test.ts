// Which totals each figure is computed from (KPI_INPUTS): a request for a few figures reads only theirs, so every
// figure computed from its inputs alone must equal the same figure computed from all of them.
import { describe, expect, it } from 'vitest';
import { EMPTY_CALLS, hasConversions } from './formulas';
import { inputsFor, KPI_INPUTS, kpiValues, type KpiInput, type KpiInputs, type KpiKey } from './report';

const sl = { answerSeconds: 20, shortAbandonSeconds: 5 };
// Every total non-zero, and nothing converted in a scope with nothing to convert: `converts` then decides.
const FULL: KpiInputs = {
  inbound: { ...EMPTY_CALLS, calls: 10, connected: 7, abandoned: 3, talk_seconds: 700, wrap_seconds: 70, connected_queue_seconds: 50, connected_wait: { '3': 7 }, abandoned_wait: { '30': 3 } },
  outbound: { ...EMPTY_CALLS, calls: 20, rejected: 1, connected: 6, human_answered: 8, dropped: 1, talk_seconds: 600 },
  surveys: { responses: 4, promoters: 2, detractors: 1 },
  resolution: { cases_resolved: 3, resolved_first_call: 2, resolution_seconds_mean: 100, resolution_seconds_median: 90 },
  qa: { evaluations: 2, score_sum: 1.5 },
  states: { handling_seconds: 3_000, available_seconds: 1_000, logged_in_seconds: 5_000 },
  sal: { contacts: 10, attempted: 4, window_hours: 8 },
  sl,
  converts: false,
};

/** The inputs with only `keep` read: what the engine hands kpiValues when it reads nothing else. */
function only(keep: ReadonlySet<KpiInput>): KpiInputs {
  return {
    inbound: keep.has('calls') ? FULL.inbound : EMPTY_CALLS,
    outbound: keep.has('calls') ? FULL.outbound : EMPTY_CALLS,
    surveys: keep.has('surveys') ? FULL.surveys : undefined,
    resolution: keep.has('resolution') ? FULL.resolution : undefined,
    qa: keep.has('qa') ? FULL.qa : undefined,
    states: keep.has('states') ? FULL.states : undefined,
    sal: keep.has('sal') ? FULL.sal : undefined,
    sl,
    converts: keep.has('converts') ? FULL.converts : undefined,
  };
}

describe('the inputs of each figure', () => {
  const full = kpiValues(FULL);

  it('are enough to compute it exactly as from every input', () => {
    for (const key of Object.keys(KPI_INPUTS) as KpiKey[]) {
      expect(kpiValues(only(inputsFor([key])))[key], key).toEqual(full[key]);
    }
    // What the data above makes of them: none of the figures is a no-data value it could match by chance.
    expect(full.conversion_rate).toBeNull();
    expect(Object.entries(full).filter(([k, v]) => v === null || (v === 0 && k !== 'conversion_rate')).map(([k]) => k)).toEqual(['conversion_rate']);
  });

  it('are every input when no figure is named, and those of the named ones otherwise', () => {
    expect([...inputsFor()].sort()).toEqual(['calls', 'converts', 'qa', 'resolution', 'sal', 'states', 'surveys']);
    expect([...inputsFor(['service_level', 'outbound_abandon_rate'])]).toEqual(['calls']);
    expect([...inputsFor(['occupancy'])]).toEqual(['states']);
    expect([...inputsFor([])]).toEqual([]);
  });
});

describe('hasConversions', () => {
  it('is true when any campaign has a success disposition', () => {
    expect(hasConversions([])).toBe(false);
    expect(hasConversions([{ success_dispositions: [] }, { success_dispositions: [] }])).toBe(false);
    expect(hasConversions([{ success_dispositions: [] }, { success_dispositions: ['sale'] }])).toBe(true);
  });
});
