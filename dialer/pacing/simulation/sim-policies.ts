// Each pacing policy (progressive, adaptive baseline ×3, ours, clairvoyant) wrapped for the simulator.
import { ABANDON_CAP } from '../../compliance/abandon-cap';
import { PacingEstimator, type EstimatorPrior } from '../estimator';
import { callsToLaunch, progressiveCount } from '../policy';
import { DEFAULT_PACING_CONFIG, type PacingConfig, type PacingState } from '../state';
import {
  ADAPT_EVERY_SECONDS, AdaptiveBaseline, DEFAULT_ADAPTIVE_SETTINGS, LAUNCH_EVERY_SECONDS, type AdaptMethod,
} from './adaptive-baseline';
import { clairvoyantPolicy } from './clairvoyant';
import type { SimObservation, SimPolicy, SimView } from './simulator';

export { clairvoyantPolicy };

export function progressivePolicy(): SimPolicy {
  return {
    name: 'progressive',
    tickSeconds: 0.5,
    // A real progressive dialler dials as soon as an agent frees up.
    reactive: true,
    decide: (v) => progressiveCount(v.availableAgents, v.waitingCalls, v.ringingCount),
  };
}

/** Timestamps inside a sliding one-minute window. */
class MinuteWindow {
  private readonly times: number[] = [];
  private head = 0;

  add(time: number, count = 1): void {
    for (let i = 0; i < count; i++) this.times.push(time);
  }

  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - 60) this.head++;
    if (this.head > 4096) { this.times.splice(0, this.head); this.head = 0; }
    return this.times.length - this.head;
  }
}

export function adaptiveBaselinePolicy(method: AdaptMethod, dropCap = ABANDON_CAP): SimPolicy {
  const controller = new AdaptiveBaseline({ ...DEFAULT_ADAPTIVE_SETTINGS, method, dropCap });
  const launches = new MinuteWindow();
  const drops = new MinuteWindow();
  let ticks = 0;
  // Ticks of 0.5 s: a sample every 2, a launch every 5, an adaptation every 30.
  const perSecond = 2;
  return {
    name: `adaptive-${method.toLowerCase().replace('_', '-')}`,
    tickSeconds: 1 / perSecond,
    reactive: false,
    observe(e: SimObservation) {
      if (e.kind === 'launched') launches.add(e.time, e.count);
      else if (e.kind === 'dropped') drops.add(e.time);
    },
    decide(v: SimView) {
      const tick = ticks++;
      if (tick % perSecond === 0) {
        controller.sample({ ready: v.availableAgents + v.wrapUpCount, waiting: v.waitingCalls, loggedIn: v.agents });
      }
      if (tick > 0 && tick % (ADAPT_EVERY_SECONDS * perSecond) === 0) {
        controller.adapt({
          callsLastMinute: launches.count(v.now),
          dropsLastMinute: drops.count(v.now),
          callsToday: v.launched,
          humanAnsweredToday: v.humanAnswered,
          dropsToday: v.dropped,
          minutesToEndOfDay: (v.shiftSeconds - v.now) / 60,
        });
      }
      if (tick % (LAUNCH_EVERY_SECONDS * perSecond) !== 0) return 0;
      return controller.callsToPlace(v.agents, v.ringingCount + v.waitingCalls + v.onCallCount);
    },
  };
}

export interface OursOptions {
  config?: PacingConfig;
  prior?: EstimatorPrior;
  abandonCap?: number;
  /** Seconds between decisions (the live dialer would also decide on agent and call events). */
  tickSeconds?: number;
  reactive?: boolean;
  /** For the oracle studies (oracle-policies.ts): a name, and what the policy is shown and how its count is dialled. */
  name?: string;
  see?: (state: PacingState, view: SimView) => PacingState;
  dial?: (count: number, view: SimView) => number;
}

export function oursPolicy(options: OursOptions = {}): SimPolicy {
  const estimator = new PacingEstimator(options.prior, undefined, options.config?.ringTimeoutSeconds);
  const config = options.config ?? DEFAULT_PACING_CONFIG;
  return {
    name: options.name ?? 'ours',
    tickSeconds: options.tickSeconds ?? 0.5,
    reactive: options.reactive ?? false,
    observe(e: SimObservation) {
      if (e.kind === 'resolved') estimator.callResolved(e.answered, e.ringSeconds, e.time);
      else if (e.kind === 'talkEnded') estimator.talkEnded(e.seconds);
      else if (e.kind === 'wrapEnded') estimator.wrapEnded(e.seconds);
    },
    decide: (v) => {
      const live = { ringing: v.ringing(), onCall: v.onCall(), wrapUp: v.wrapUp() };
      const state: PacingState = {
        ...live,
        availableAgents: v.availableAgents,
        waitingCalls: v.waitingCalls,
        estimates: estimator.estimates(v.now, live),
        today: { humanAnswered: v.humanAnswered, dropped: v.dropped },
        abandonCap: options.abandonCap,
      };
      const n = callsToLaunch(options.see ? options.see(state, v) : state, config);
      return options.dial ? options.dial(n, v) : n;
    },
  };
}

/** Every policy the bench compares, fresh (policies keep per-run state); `ours` gets the options given. */
export function allPolicies(ours: OursOptions = {}): SimPolicy[] {
  return [
    progressivePolicy(),
    adaptiveBaselinePolicy('HARD_LIMIT'),
    adaptiveBaselinePolicy('AVERAGE'),
    adaptiveBaselinePolicy('TAPERED'),
    oursPolicy(ours),
    clairvoyantPolicy(),
  ];
}
