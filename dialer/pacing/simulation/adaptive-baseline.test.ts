// Unit tests of the VICIdial-style baseline: level formula, drop rules, calls to place.
import { describe, expect, it } from 'vitest';
import {
  AdaptiveBaseline, adaptLevel, applyDropRules, baselineCallsToPlace, DEFAULT_ADAPTIVE_SETTINGS, type DropStats,
} from './adaptive-baseline';

const samples = (ready: number, waiting: number, loggedIn: number) => Array.from({ length: 15 }, () => ({ ready, waiting, loggedIn }));
const settings = (over: Partial<typeof DEFAULT_ADAPTIVE_SETTINGS> = {}) => ({ ...DEFAULT_ADAPTIVE_SETTINGS, ...over });
const quiet: DropStats = { callsLastMinute: 0, dropsLastMinute: 0, callsToday: 0, humanAnsweredToday: 0, dropsToday: 0, minutesToEndOfDay: 600 };

describe('adaptLevel (R/W/T formula)', () => {
  it('raises the level by (R − W + target) / T while agents wait', () => {
    // m = (3 − 1 + 0) / 10 = 0.2; intensity 0 → g = 0.2; 1.5 × 1.2 = 1.8
    expect(adaptLevel(1.5, samples(3, 1, 10), settings())).toBeCloseTo(1.8, 10);
    // target_diff −1 aims at one agent waiting: m = (3 − 1 − 1) / 10 = 0.1
    expect(adaptLevel(1.5, samples(3, 1, 10), settings({ targetDiff: -1 }))).toBeCloseTo(1.65, 10);
  });

  it('scales by intensity: (1 + I) going up, |I − 1| going down', () => {
    // up, I = 0.5: g = 0.2 × 1.5 = 0.3 → 1.95; I = −0.5: g = 0.2 × 0.5 = 0.1 → 1.65
    expect(adaptLevel(1.5, samples(3, 1, 10), settings({ intensity: 50 }))).toBeCloseTo(1.95, 10);
    expect(adaptLevel(1.5, samples(3, 1, 10), settings({ intensity: -50 }))).toBeCloseTo(1.65, 10);
    // down, m = (0 − 2) / 10 = −0.2; I = 0.5: g = −0.2 × 0.5 = −0.1 → 1.8; I = −0.5: g = −0.2 × 1.5 = −0.3 → 1.4
    expect(adaptLevel(2, samples(0, 2, 10), settings({ intensity: 50 }))).toBeCloseTo(1.8, 10);
    expect(adaptLevel(2, samples(0, 2, 10), settings({ intensity: -50 }))).toBeCloseTo(1.4, 10);
  });

  it('averages the samples and clamps the level to [1, max]', () => {
    const mixed = [...samples(0, 0, 10).slice(0, 10), ...samples(6, 0, 10).slice(0, 5)];
    // R = 2, m = 0.2
    expect(adaptLevel(2, mixed, settings())).toBeCloseTo(2.4, 10);
    expect(adaptLevel(2.8, samples(5, 0, 10), settings())).toBe(3);
    expect(adaptLevel(2.8, samples(5, 0, 10), settings({ maxLevel: 2.5 }))).toBe(2.5);
    expect(adaptLevel(1.1, samples(0, 5, 10), settings())).toBe(1);
    expect(adaptLevel(1.7, samples(0, 0, 10), settings())).toBe(1.7);
  });
});

describe('applyDropRules', () => {
  it('halves the level when more than 20 calls were placed in the last minute and over half dropped', () => {
    expect(applyDropRules(2.4, { ...quiet, callsLastMinute: 21, dropsLastMinute: 11 }, settings())).toBe(1.2);
    expect(applyDropRules(2.4, { ...quiet, callsLastMinute: 20, dropsLastMinute: 15 }, settings())).toBe(2.4);
  });

  it('applies the day-rate rule by method once more than 50 calls were placed', () => {
    const over: DropStats = { ...quiet, callsToday: 200, humanAnsweredToday: 100, dropsToday: 4, minutesToEndOfDay: 500 };
    expect(applyDropRules(2.4, over, settings({ method: 'HARD_LIMIT' }))).toBe(1);
    expect(applyDropRules(2.4, over, settings({ method: 'AVERAGE' }))).toBe(1.2);
    expect(applyDropRules(2.4, over, settings({ method: 'TAPERED' }))).toBe(1.2);
    expect(applyDropRules(2.4, { ...over, minutesToEndOfDay: 2000 }, settings({ method: 'TAPERED' }))).toBe(2.4);
    expect(applyDropRules(2.4, { ...over, minutesToEndOfDay: 0 }, settings({ method: 'TAPERED' }))).toBe(1);
    // At the cap exactly, or with 50 calls or fewer, nothing happens.
    expect(applyDropRules(2.4, { ...over, dropsToday: 3 }, settings())).toBe(2.4);
    expect(applyDropRules(2.4, { ...over, callsToday: 50 }, settings())).toBe(2.4);
    // Never below 1.0.
    expect(applyDropRules(1.5, over, settings({ method: 'AVERAGE' }))).toBe(1);
  });
});

describe('baselineCallsToPlace', () => {
  it('places round(L × A) minus the calls in progress, never negative', () => {
    expect(baselineCallsToPlace(1.5, 10, 12)).toBe(3);
    expect(baselineCallsToPlace(1.26, 10, 0)).toBe(13);
    expect(baselineCallsToPlace(1, 10, 14)).toBe(0);
  });

  it('the controller keeps its level between adaptations', () => {
    const c = new AdaptiveBaseline(settings());
    for (let i = 0; i < 15; i++) c.sample({ ready: 5, waiting: 0, loggedIn: 10 });
    expect(c.adapt(quiet)).toBe(1.5);
    expect(c.callsToPlace(10, 10)).toBe(5);
  });
});
