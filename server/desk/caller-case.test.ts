import { describe, expect, it } from 'vitest';
import { openCaseOf } from './caller-case';

const call = (started_at: string, case_id: string, resolved: number | null) => ({ started_at, case_id, resolved });

describe('openCaseOf', () => {
  it('is the latest case, with its calls, when none of them resolved it', () => {
    expect(openCaseOf([call('2026-12-04 10:00', 'C-2', 0), call('2026-12-03 09:00', 'C-2', null), call('2026-11-20 08:00', 'C-1', 1)]))
      .toEqual({ id: 'C-2', calls: 2, since: '2026-12-03 09:00' });
  });

  it('is none when the latest case was resolved, or no call has a case', () => {
    expect(openCaseOf([call('2026-12-04 10:00', 'C-2', 1), call('2026-12-03 09:00', 'C-2', 0)])).toBeNull();
    expect(openCaseOf([call('2026-12-04 10:00', '', null)])).toBeNull();
    expect(openCaseOf([])).toBeNull();
  });

  it('looks past calls without a case to the latest one that has one', () => {
    expect(openCaseOf([call('2026-12-04 10:00', '', null), call('2026-12-03 09:00', 'C-7', 0)])).toEqual({ id: 'C-7', calls: 1, since: '2026-12-03 09:00' });
  });
});
