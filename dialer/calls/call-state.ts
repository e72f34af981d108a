// The life of one call as the runner drives it (pure): its states, the legal moves between them, and an error
// for any other (as agents/agent-state.ts does for agents, and sip.js's session-state.ts for a session).
//
//   outbound   ringing ─┬─ answered ─┬─ bridging ─┬─ talking ─┬─ wrapup ── done
//                       │            │            │           └─ done          (the agent was logged out meanwhile)
//                       │            │            ├─ message ── done           (the agent's phone did not answer)
//                       │            │            └─ done                      (the customer hung up meanwhile: a drop)
//                       │            └─ message ── done                        (no agent within 2 s: the message leg)
//                       └─ done                                                (busy, no answer, failed)
//
//   inbound    queued ─┬─ bridging ─┬─ talking …                               (as outbound)
//                      │            ├─ queued                                  (the agent's phone did not answer)
//                      │            └─ done                                    (the caller hung up meanwhile)
//                      ├─ message ── done                                      (the queue timed out: the closing message)
//                      └─ done                                                 (the caller hung up while queued)

export const CALL_STATES = ['ringing', 'answered', 'queued', 'bridging', 'talking', 'wrapup', 'message', 'done'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** Where a call starts: an outbound dial rings, an inbound caller is answered into the queue. */
export const FIRST_STATES: readonly CallState[] = ['ringing', 'queued'];

const MOVES: Record<CallState, readonly CallState[]> = {
  ringing: ['answered', 'done'],
  answered: ['bridging', 'message'],
  queued: ['bridging', 'message', 'done'],
  bridging: ['talking', 'message', 'queued', 'done'],
  talking: ['wrapup', 'done'],
  wrapup: ['done'],
  message: ['done'],
  done: [],
};

/** States in which the call holds a line of the trunk with a person on it (ringing calls hold one too). */
export const ON_LINE: readonly CallState[] = ['answered', 'bridging', 'talking', 'message'];

export class IllegalCallMove extends Error {
  constructor(readonly call: string, readonly from: CallState, readonly to: CallState) {
    super(`call ${call} cannot go from ${from} to ${to}`);
  }
}

export function canMoveCall(from: CallState, to: CallState): boolean {
  return MOVES[from].includes(to);
}
