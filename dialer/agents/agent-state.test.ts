// The agent state machine: legal moves, the record of each, longest-idle routing.
import { describe, expect, it } from 'vitest';
import { canMove, IllegalAgentMove, longestIdle, move, type Agent } from './agent-state';

const agent = (code: string, state: Agent['state'], since: number, campaigns = ['C']): Agent => ({ code, sipUser: code.toLowerCase(), state, since, campaigns });

describe('the agent state machine', () => {
  it('follows a call: available → ringing → on_call → wrapup → available, each move an agent_state record', () => {
    let a = agent('A1', 'available', 0);
    const states: string[] = [];
    for (const [to, at] of [['ringing', 1], ['on_call', 2], ['wrapup', 3], ['available', 4]] as const) {
      const r = move(a, to, at * 1000, 'C');
      a = r.agent;
      states.push(r.event.state);
      expect(r.event).toEqual({ kind: 'agent_state', agent: 'A1', campaign: 'C', state: to, at: new Date(at * 1000).toISOString() });
    }
    expect(states).toEqual(['ringing', 'on_call', 'wrapup', 'available']);
    expect(a).toMatchObject({ state: 'available', since: 4000 });
  });

  it('refuses moves that make no sense', () => {
    expect(canMove('offline', 'on_call')).toBe(false);
    expect(canMove('paused', 'ringing')).toBe(false);
    expect(canMove('on_call', 'available')).toBe(false); // a call ends in wrap-up
    expect(() => move(agent('A1', 'wrapup', 0), 'on_call', 1)).toThrow(IllegalAgentMove);
  });

  it('gives a call to the longest-idle available agent of the campaign', () => {
    const agents = [agent('A1', 'available', 300), agent('A2', 'available', 100, ['OTHER']), agent('A3', 'available', 200), agent('A4', 'paused', 0)];
    expect(longestIdle(agents, 'C')?.code).toBe('A3');
    expect(longestIdle(agents, 'NONE')).toBeUndefined();
  });
});
