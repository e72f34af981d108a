// Preview mode: an available agent takes a lead (the record is on their screen, they are `ringing` for the
// dialer), then dials it or skips it. The compliance rules are checked when the lead is taken and again at dial
// time, since the agent may have read the record for a while.
import { randomUUID } from 'node:crypto';
import type { Agent } from '@/dialer/agents/agent-state';
import type { Lead, LeadHopper } from '@/dialer/hopper/lead-hopper';
import type { AgentPool } from './agent-pool';
import type { DialGate } from './dial-gate';
import type { DialVerdict } from '@/dialer/compliance/check-dial';

export interface PreviewDeps {
  campaignCode: string;
  hopper: LeadHopper;
  pool: AgentPool;
  gate: DialGate;
  now: () => number;
  journal: (attempts: { id: string; phone: string; startedAt: number }[]) => Promise<void>;
  /** Places the journalled call with its agent (the runner's own dialing from there on). */
  place: (call: { id: string; lead: Lead; startedAt: number }, agent: Agent) => void;
}

export class PreviewDesk {
  /** The lead each agent has on screen. */
  private readonly taken = new Map<string, Lead>();

  constructor(private readonly d: PreviewDeps) {}

  /** The agent's lead on screen, taking the next one the rules allow when the agent is available. */
  take(agentCode: string): Lead | undefined {
    const existing = this.taken.get(agentCode);
    if (existing) return existing;
    if (this.d.pool.get(agentCode)?.state !== 'available') return undefined;
    const now = this.d.now();
    const lead = this.d.gate.nextAllowed(() => this.d.hopper.take(now, agentCode), now, false);
    if (!lead) return undefined;
    this.d.pool.set(agentCode, 'ringing', this.d.campaignCode);
    this.taken.set(agentCode, lead);
    return lead;
  }

  /** The lead on the agent's screen, if any (nothing taken). */
  shown(agentCode: string): Lead | undefined {
    return this.taken.get(agentCode);
  }

  /** The agent passes on the lead: it goes back to the hopper, behind the others; the agent is available again. */
  skip(agentCode: string): void {
    const lead = this.taken.get(agentCode);
    if (!lead) return;
    this.taken.delete(agentCode);
    // Behind the other due leads: « Fiche suivante » then shows another record, not the one passed on.
    this.d.hopper.skip(lead.phone, this.d.now());
    this.release(agentCode);
  }

  /** Dials the agent's lead; a refusal (the rules are checked again now) is recorded and answered with its rule. */
  async dial(agentCode: string): Promise<DialVerdict> {
    const lead = this.taken.get(agentCode);
    const agent = this.d.pool.get(agentCode);
    if (!lead || !agent) throw new Error('no record taken in preview by this agent');
    this.taken.delete(agentCode);
    const now = this.d.now();
    const v = this.d.gate.verdict(lead, now, false);
    if (!v.allowed) {
      this.d.gate.reject(lead, v, now);
      this.release(agentCode);
      return v;
    }
    const call = { id: randomUUID(), lead, startedAt: now };
    await this.d.journal([{ id: call.id, phone: lead.phone, startedAt: now }]);
    this.d.place(call, agent);
    return v;
  }

  /**
   * The agent dials one of the campaign's contacts by number: the same rules as any dial, checked now; refused,
   * the refusal is recorded with its rule and answered with when the call would be allowed.
   */
  async manual(agentCode: string, phone: string): Promise<DialVerdict> {
    const agent = this.d.pool.get(agentCode);
    if (!agent || !['available', 'paused'].includes(agent.state)) return { allowed: false, rule: 'agent_busy', reason: 'the agent is not available or paused' };
    if (this.taken.has(agentCode)) return { allowed: false, rule: 'record_on_screen', reason: 'a preview record is on screen: dial or skip it first' };
    const lead = this.d.hopper.takePhone(phone);
    if (!lead) return { allowed: false, rule: 'not_in_campaign', reason: `${phone} is not a contact of this campaign, or is being dialled` };
    this.d.pool.set(agentCode, 'ringing', this.d.campaignCode);
    this.taken.set(agentCode, lead);
    return this.dial(agentCode);
  }

  private release(agentCode: string): void {
    if (this.d.pool.get(agentCode)?.state === 'ringing') this.d.pool.set(agentCode, 'available', this.d.campaignCode);
  }
}
