// How an agent's state looks on every page (the live monitor's chart, the dialer's cards): its place and colour.
// The labels are the `state.*` texts of app/i18n.
import type { RouterOutputs } from '@/app/trpc/types';

export type AgentState = keyof RouterOutputs['kpi']['live']['agentsByState'];

export const AGENT_STATE_COLORS: Record<AgentState, string> = {
  available: 'green', ringing: 'yellow', on_call: 'teal', wrapup: 'blue', paused: 'orange', offline: 'gray',
};

/** The states in the order pages list them. */
export const AGENT_STATE_ORDER = Object.keys(AGENT_STATE_COLORS) as AgentState[];
