import { describe, expect, it } from 'vitest';
import { holdMusicSamples } from './hold-music';
import { rmsDbfs, SAMPLE_RATE } from './recording';

describe('the hold music', () => {
  const samples = holdMusicSamples();

  it('is an 8-second loop at 8 kHz, soft, never clipping', () => {
    expect(samples.length).toBe(8 * SAMPLE_RATE);
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    expect(peak).toBeLessThan(0.2 * 32767);
    const level = rmsDbfs(samples);
    expect(level).toBeGreaterThan(-30);
    expect(level).toBeLessThan(-15);
  });

  it('starts and ends at silence, so looping it does not click', () => {
    expect(Math.abs(samples[0]!)).toBeLessThan(50);
    expect(Math.abs(samples[samples.length - 1]!)).toBeLessThan(50);
  });

  it('is music, not silence: each half-second note is heard', () => {
    for (let n = 0; n < 16; n++) expect(rmsDbfs(samples, n * 4000 + 500, n * 4000 + 3000)).toBeGreaterThan(-35);
  });
});
