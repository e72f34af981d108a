// What the pacing policy sees at a decision instant and the knobs it takes: plain data any caller can build.
import type { DurationEstimate } from './distributions';

export interface PacingEstimates {
  /** Share of dialled calls answered by a person. */
  answerProbability: number;
  /** Ring time of the calls that end up answered (seconds). */
  ringSeconds: DurationEstimate;
  /** Talk time of a connected call (seconds). */
  talkSeconds: DurationEstimate;
  /** After-call work (seconds). */
  wrapSeconds: DurationEstimate;
}

export interface PacingState {
  /** Agents logged in, not paused, idle and ready for a call now. */
  availableAgents: number;
  /**
   * Agents in wrap-up. `remainingSeconds`, when the dialer knows it (a fixed wrap-up timer), is taken as exact;
   * otherwise the expected remainder follows from `elapsedSeconds` and the wrap-time estimate.
   */
  wrapUp: { elapsedSeconds: number; remainingSeconds?: number }[];
  /** Agents talking, with the talk time elapsed so far. */
  onCall: { talkSeconds: number }[];
  /** Calls dialled and not yet answered nor given up, with how long each has been ringing. */
  ringing: { ringSeconds: number }[];
  /** Calls answered by a person and waiting for an agent (each will be a drop if none frees in time). */
  waitingCalls: number;
  estimates: PacingEstimates;
  /** Today's (campaign day's) regulatory tally: calls answered by a person and, among them, drops. */
  today: { humanAnswered: number; dropped: number };
  /** Cap on dropped ÷ human-answered over the day; default ABANDON_CAP (dialer/compliance/abandon-cap.ts). */
  abandonCap?: number;
}

export interface PacingConfig {
  /** A person who answers must reach an agent within this many seconds or it is a drop. */
  dropGraceSeconds: number;
  /** The dialler gives up on an unanswered call after this long (regulation: at least 15 s). */
  ringTimeoutSeconds: number;
  /** Drop probability accepted for the last call of a decision while the day is exactly on its target. */
  baseDropRisk: number;
  /** Never accept more than this drop probability for one call, however much budget is left. */
  maxDropRisk: number;
  /**
   * Softness of the budget feedback, in drops: τ = budgetScaleDrops + budgetScaleSqrt × √(cap × answered); each
   * drop of budget left (overspent) multiplies (divides) the accepted risk by e^(1/τ). A steadier risk wastes less
   * (the same drops spread evenly buy more agent time), but a slow loop lets a small day stray past the cap, so
   * it softens as the day's volume, and with it the room for error, grows.
   */
  budgetScaleDrops: number;
  budgetScaleSqrt: number;
  /**
   * Drops kept in reserve: reserveDrops + reserveSqrt × √(cap × answered). The day's count wanders around its
   * target by about the square root of the drops allowed, so the reserve grows that way and stays a shrinking
   * share of large days.
   */
  reserveDrops: number;
  reserveSqrt: number;
  /** Upper bound on calls launched by one decision, to keep a bad estimate from flooding the trunks. */
  maxLaunchPerDecision: number;
}

export const DEFAULT_PACING_CONFIG: PacingConfig = {
  dropGraceSeconds: 2,
  ringTimeoutSeconds: 20,
  baseDropRisk: 0.04,
  maxDropRisk: 0.15,
  budgetScaleDrops: 1,
  budgetScaleSqrt: 0.3,
  reserveDrops: 1,
  reserveSqrt: 0.6,
  maxLaunchPerDecision: 500,
};
