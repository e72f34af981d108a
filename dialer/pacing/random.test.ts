// Pins mulberry32's sequence: benches, the demo week and test data are reproducible only while a seed replays it.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';

describe('mulberry32', () => {
  it('gives the sequence the three former copies gave, negative seeds included', () => {
    // What this copy, server/testing/random.ts and server/seed/demo-activity.ts all gave before the last two went.
    const first3 = (seed: number) => { const r = mulberry32(seed); return [r(), r(), r()]; };
    expect(first3(1)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(first3(20260302)).toEqual([0.8818193590268493, 0.5199806117452681, 0.5079203508794308]);
    expect(first3(-7)).toEqual([0.43306733411736786, 0.32539576734416187, 0.5442695003002882]);
  });
});
