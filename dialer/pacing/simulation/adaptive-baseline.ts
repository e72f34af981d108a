// The VICIdial-style adaptive baseline of PRODUCT §5 (AST_VDadapt.pl): a 15-s adapted dial level turned into calls every 2.5 s.
import { ABANDON_CAP } from '../../compliance/abandon-cap';

export type AdaptMethod = 'HARD_LIMIT' | 'AVERAGE' | 'TAPERED';

export interface AdaptiveSettings {
  method: AdaptMethod;
  /** adaptive_maximum_level. */
  maxLevel: number;
  /** adaptive_intensity, −100…100 (0 = neutral). */
  intensity: number;
  /** adaptive_dl_diff_target: −1 aims at one agent waiting, +1 at one customer waiting. */
  targetDiff: number;
  /** adaptive_dropped_percentage as a fraction of human-answered calls. */
  dropCap: number;
  /** auto_dial_level at the start of the day. */
  initialLevel: number;
}

export const DEFAULT_ADAPTIVE_SETTINGS: AdaptiveSettings = {
  method: 'HARD_LIMIT',
  maxLevel: 3.0,
  intensity: 0,
  targetDiff: 0,
  dropCap: ABANDON_CAP,
  initialLevel: 1.0,
};

export const ADAPT_EVERY_SECONDS = 15;
export const LAUNCH_EVERY_SECONDS = 2.5;
const SAMPLE_WINDOW = 15;

/** One 1-s sample: agents ready or in wrap-up (R), answered calls waiting for an agent (W), logged-in agents (T). */
export interface AdaptSample {
  ready: number;
  waiting: number;
  loggedIn: number;
}

export interface DropStats {
  callsLastMinute: number;
  dropsLastMinute: number;
  callsToday: number;
  humanAnsweredToday: number;
  dropsToday: number;
  /** Minutes until the end of the calling day (for TAPERED). */
  minutesToEndOfDay: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** m = (R − W + target_diff) / T; g = m·(1 + I) if m ≥ 0 else m·|I − 1|; L·(1 + g) clamped to [1, max]. */
export function adaptLevel(level: number, samples: AdaptSample[], settings: AdaptiveSettings): number {
  const r = mean(samples.map((s) => s.ready));
  const w = mean(samples.map((s) => s.waiting));
  const t = mean(samples.map((s) => s.loggedIn));
  const diff = r - w + settings.targetDiff;
  const m = diff !== 0 && t !== 0 ? diff / t : 0;
  const i = settings.intensity / 100;
  const g = m >= 0 ? m * (1 + i) : m * Math.abs(i - 1);
  const next = round3(level * (1 + g));
  return Math.min(settings.maxLevel, Math.max(1, next));
}

/** The drop rules, applied after the level update, in VICIdial's order; the level never ends below 1.0. */
export function applyDropRules(level: number, stats: DropStats, settings: AdaptiveSettings): number {
  let l = level;
  if (stats.callsLastMinute > 20 && stats.dropsLastMinute / stats.callsLastMinute > 0.5) l /= 2;
  const todayRate = stats.dropsToday / Math.max(1, stats.humanAnsweredToday);
  if (stats.callsToday > 50 && todayRate > settings.dropCap) {
    if (settings.method === 'HARD_LIMIT') l = 1;
    else if (settings.method === 'AVERAGE') l /= 2;
    else l = stats.minutesToEndOfDay <= 0 ? 1 : l * Math.min(1, stats.minutesToEndOfDay / 1000);
  }
  return Math.max(1, round3(l));
}

/** round(L · A) − calls in progress (ringing, waiting or connected), never negative. */
export function baselineCallsToPlace(level: number, activeAgents: number, callsInProgress: number): number {
  return Math.max(0, Math.round(level * activeAgents) - callsInProgress);
}

/** The controller with its memory: the last 15 one-second samples and the current level. */
export class AdaptiveBaseline {
  level: number;
  private samples: AdaptSample[] = [];

  constructor(readonly settings: AdaptiveSettings = DEFAULT_ADAPTIVE_SETTINGS) {
    this.level = settings.initialLevel;
  }

  sample(s: AdaptSample): void {
    this.samples.push(s);
    if (this.samples.length > SAMPLE_WINDOW) this.samples.shift();
  }

  adapt(stats: DropStats): number {
    this.level = applyDropRules(adaptLevel(this.level, this.samples, this.settings), stats, this.settings);
    return this.level;
  }

  callsToPlace(activeAgents: number, callsInProgress: number): number {
    return baselineCallsToPlace(this.level, activeAgents, callsInProgress);
  }
}
