// The agents logged in to the dialer, shared by every running campaign: state moves through the pure
// machine (agents/agent-state.ts), each move emitted as an `agent_state` record, and answered calls that
// wait for an agent served first come, first served as agents free up.
import type { AgentState } from '@/clickhouse/vocabulary';
import { longestIdle, move, type Agent, type AgentStateEvent } from '@/dialer/agents/agent-state';

interface Waiter { campaign: string; since: number; inbound: boolean; resolve: (agent: Agent | undefined) => void }

export class AgentPool {
  private readonly agents = new Map<string, Agent>();
  private waiters: Waiter[] = [];

  constructor(private readonly emit: (event: AgentStateEvent) => void, private readonly now: () => number = Date.now) {}

  list(): Agent[] {
    return [...this.agents.values()];
  }

  get(code: string): Agent | undefined {
    return this.agents.get(code);
  }

  /** An agent whose phone is registered joins, available (or paused, the desk's choice), for the campaigns given. */
  login(code: string, sipUser: string, campaigns: readonly string[], { browser = false, state = 'available' as 'available' | 'paused' } = {}): Agent {
    const existing = this.agents.get(code);
    if (existing && existing.state !== 'offline') {
      this.agents.set(code, { ...existing, sipUser, campaigns, browser });
      return this.agents.get(code)!;
    }
    this.agents.set(code, { code, sipUser, campaigns, browser, state: 'offline', since: this.now() });
    return this.set(code, state);
  }

  /** Pauses an agent with its reason (kept while it stays paused; a paused agent only changes its reason). */
  pause(code: string, reason: string): Agent {
    const paused = this.agents.get(code)?.state === 'paused' ? this.agents.get(code)! : this.set(code, 'paused');
    const withReason = { ...paused, pauseReason: reason };
    this.agents.set(code, withReason);
    return withReason;
  }

  /** The campaigns an agent takes calls for changed: the next call offered follows them (a call in progress goes on). */
  assign(code: string, campaigns: readonly string[]): void {
    const agent = this.agents.get(code);
    if (!agent) return;
    this.agents.set(code, { ...agent, campaigns });
    if (agent.state === 'available') this.serveWaiters();
  }

  logout(code: string): void {
    if (this.agents.get(code)?.state !== 'offline') this.set(code, 'offline');
    this.agents.delete(code);
  }

  /** Moves an agent; a move to `available` serves the oldest waiting call it may take. */
  set(code: string, to: AgentState, campaign?: string): Agent {
    const agent = this.agents.get(code);
    if (!agent) throw new Error(`agent ${code} is not logged in to the dialer`);
    const { agent: moved, event } = move(agent, to, this.now(), campaign);
    this.agents.set(code, moved);
    this.emit(event);
    if (to === 'available') this.serveWaiters();
    return moved;
  }

  count(campaign: string, state: AgentState): number {
    let n = 0;
    for (const a of this.agents.values()) if (a.state === state && a.campaigns.includes(campaign)) n++;
    return n;
  }

  inState(campaign: string, state: AgentState): Agent[] {
    return this.list().filter((a) => a.state === state && a.campaigns.includes(campaign));
  }

  waiting(campaign: string, inbound?: boolean): number {
    return this.waiters.filter((w) => w.campaign === campaign && (inbound === undefined || w.inbound === inbound)).length;
  }

  /**
   * Inbound callers waiting whom an agent of `campaign` could take: blending holds outbound dialing back by
   * these, whichever campaign (inbound line or smart-outbound callback) they called.
   */
  inboundWaitingFor(campaign: string): number {
    const team = this.list().filter((a) => a.campaigns.includes(campaign));
    return this.waiters.filter((w) => w.inbound && team.some((a) => a.campaigns.includes(w.campaign))).length;
  }

  /** How long the oldest inbound caller of `campaign` has waited, in ms (0 when none waits). */
  longestInboundWait(campaign: string): number {
    const since = Math.min(...this.waiters.filter((w) => w.inbound && w.campaign === campaign).map((w) => w.since));
    return Number.isFinite(since) ? this.now() - since : 0;
  }

  /**
   * An agent for a call of `campaign`, reserved, within `timeoutMs`; undefined if none frees up in time or
   * `gone` settles first (the customer hung up). Inbound calls are served before outbound ones (blending).
   */
  claim(campaign: string, timeoutMs: number, gone: Promise<unknown>, inbound = false): Promise<Agent | undefined> {
    const free = this.waiters.length === 0 ? longestIdle(this.agents.values(), campaign) : undefined;
    if (free) return Promise.resolve(this.set(free.code, 'ringing', campaign));
    return new Promise((resolve) => {
      const waiter: Waiter = { campaign, since: this.now(), inbound, resolve: (a) => { clearTimeout(timer); resolve(a); } };
      const drop = () => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(undefined);
      };
      const timer = setTimeout(drop, timeoutMs);
      void gone.then(drop);
      this.waiters.push(waiter);
      this.serveWaiters();
    });
  }

  private serveWaiters(): void {
    // Inbound first, then by age.
    const queue = [...this.waiters].sort((a, b) => Number(b.inbound) - Number(a.inbound) || a.since - b.since);
    for (const w of queue) {
      const agent = longestIdle(this.agents.values(), w.campaign);
      if (!agent) continue;
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(this.set(agent.code, 'ringing', w.campaign));
    }
  }
}
