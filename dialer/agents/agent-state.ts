// The agent state machine of the dialer (pure): which moves are legal, and the `agent_state` record each
// move emits (PRODUCT §4). Its states are the records' own (`ringing`: a call is being put through to the agent,
// or a preview record is on the agent's screen).
import type { AgentState } from '@/clickhouse/vocabulary';

const MOVES: Record<AgentState, readonly AgentState[]> = {
  offline: ['available', 'paused'],
  available: ['ringing', 'paused', 'offline'],
  // Ringing fails back to available (the agent's phone did not answer) or becomes a call.
  ringing: ['on_call', 'available', 'paused', 'offline'],
  on_call: ['wrapup', 'offline'],
  wrapup: ['available', 'paused', 'offline'],
  paused: ['available', 'offline'],
};

export interface Agent {
  code: string;
  /** The SIP user its phone registers as. */
  sipUser: string;
  state: AgentState;
  since: number;
  /** Campaigns (codes) the agent may take calls for, in blended mode its inbound skills too. */
  campaigns: readonly string[];
  /** The campaign (code) of the state it is in, when the state is about a call (ringing, on_call, wrapup). */
  campaign?: string;
  /** Its phone is a browser's softphone (the desk): media goes through the relay, its presence is the desk's. */
  browser?: boolean;
  /** Why it paused (the campaign's pause reasons: break, training, meeting, technical…), while paused. */
  pauseReason?: string;
}

export interface AgentStateEvent {
  kind: 'agent_state';
  agent: string;
  campaign?: string;
  state: AgentState;
  at: string;
}

export class IllegalAgentMove extends Error {
  constructor(readonly agent: string, readonly from: AgentState, readonly to: AgentState) {
    super(`agent ${agent} cannot go from ${from} to ${to}`);
  }
}

export function canMove(from: AgentState, to: AgentState): boolean {
  return MOVES[from].includes(to);
}

/** The agent after the move and the record to emit; throws IllegalAgentMove on a move the machine forbids. */
export function move(agent: Agent, to: AgentState, at: number, campaign?: string): { agent: Agent; event: AgentStateEvent } {
  if (!canMove(agent.state, to)) throw new IllegalAgentMove(agent.code, agent.state, to);
  return {
    agent: { ...agent, state: to, since: at, campaign, pauseReason: undefined },
    event: { kind: 'agent_state', agent: agent.code, campaign, state: to, at: new Date(at).toISOString() },
  };
}

/** The longest-idle available agent among those allowed on the campaign: fair and the usual ACD rule. */
export function longestIdle(agents: Iterable<Agent>, campaign: string): Agent | undefined {
  let best: Agent | undefined;
  for (const a of agents) {
    if (a.state !== 'available' || !a.campaigns.includes(campaign)) continue;
    if (!best || a.since < best.since) best = a;
  }
  return best;
}
