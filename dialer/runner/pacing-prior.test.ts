import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR } from '@/dialer/pacing/estimator';
import { HISTORY_WEIGHT, priorFromHistory } from './pacing-prior';

const row = (over: Record<string, unknown> = {}) => ({
  resolved: '400', answered: '100', connected: '96', ring_mean: 7.5, ring_sd: 3, talk_mean: 210, talk_sd: 90, wrap_mean: 12, wrap_sd: 0, ...over,
}) as Parameters<typeof priorFromHistory>[0];

describe('the pacing prior from the previous days', () => {
  it('starts from the campaign’s own answer rate and durations', () => {
    expect(priorFromHistory(row())).toEqual({
      answerProbability: 0.25, ringSeconds: { mean: 7.5, sd: 3 }, talkSeconds: { mean: 210, sd: 90 },
      wrapSeconds: { mean: 12, sd: 1.2 }, // a zero spread is widened to a tenth of the mean
      weight: HISTORY_WEIGHT,
    });
  });

  it('keeps the weak default with too little history, and the default durations when nobody was connected', () => {
    expect(priorFromHistory(undefined)).toEqual({ ...DEFAULT_PRIOR, weight: 2 });
    expect(priorFromHistory(row({ resolved: '49' }))).toEqual({ ...DEFAULT_PRIOR, weight: 2 });
    const p = priorFromHistory(row({ connected: '0', talk_mean: null, talk_sd: null, wrap_mean: null, wrap_sd: null }));
    expect(p).toMatchObject({ answerProbability: 0.25, talkSeconds: DEFAULT_PRIOR.talkSeconds, wrapSeconds: DEFAULT_PRIOR.wrapSeconds });
  });
});
