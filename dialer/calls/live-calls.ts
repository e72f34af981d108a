// The calls a campaign has in progress, in one map, each in its state of calls/call-state.ts; every move is
// checked, and the counts by state the pacing and the manager's panel read are kept as calls move.
import type { Agent } from '@/dialer/agents/agent-state';
import type { Lead } from '@/dialer/hopper/lead-hopper';
import type { Direction } from '@/clickhouse/vocabulary';
import type { Relay } from '@/dialer/media/relay';
import { CALL_STATES, canMoveCall, FIRST_STATES, IllegalCallMove, type CallState } from './call-state';

export interface LiveCall {
  readonly id: string;
  readonly direction: Direction;
  readonly phone: string;
  /** Outbound: the lead dialled; inbound: the caller's record when the campaign knows the number. */
  readonly lead?: Lead;
  state: CallState;
  startedAt: number;
  answeredAt?: number;
  connectedAt?: number;
  agent?: Agent;
  /** Time the conversation spent on hold, once it ended. */
  holdSeconds?: number;
  /** A recorded call: the customer dialog's SIP Call-ID (rtpengine's call) and the relay recording it. */
  recording?: { sipCallId: string; relay: Pick<Relay, 'recordingOf'> };
}

export class LiveCalls {
  private readonly calls = new Map<string, LiveCall>();
  private readonly counts = Object.fromEntries(CALL_STATES.map((s) => [s, 0])) as Record<CallState, number>;

  /** A new call, in one of the first states. */
  add(call: Omit<LiveCall, 'state'>, state: CallState): LiveCall {
    if (!FIRST_STATES.includes(state)) throw new Error(`a call cannot start ${state}`);
    const live: LiveCall = { ...call, state };
    this.calls.set(live.id, live);
    this.counts[state]++;
    return live;
  }

  /** Moves a call on; throws IllegalCallMove for a move the table forbids. A call done leaves the map. */
  move(call: LiveCall, to: CallState): void {
    if (!canMoveCall(call.state, to)) throw new IllegalCallMove(call.id, call.state, to);
    this.counts[call.state]--;
    call.state = to;
    if (to === 'done') this.calls.delete(call.id);
    else this.counts[to]++;
  }

  count(...states: CallState[]): number {
    return states.reduce((n, s) => n + this.counts[s], 0);
  }

  get size(): number {
    return this.calls.size;
  }

  find(test: (call: LiveCall) => boolean): LiveCall | undefined {
    for (const call of this.calls.values()) if (test(call)) return call;
    return undefined;
  }

  inState(state: CallState): LiveCall[] {
    return [...this.calls.values()].filter((c) => c.state === state);
  }
}
