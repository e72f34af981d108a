// What the agent's desk shows, read from the dialer: the agent's state (and why it paused), the campaigns it is
// assigned to with their script and dispositions, the call it is on or wrapping up with the contact's record, the
// record it has on screen in preview. Asking is also the desk's heartbeat (dialer.deskAlive).
import type { Clickhouse } from '@/clickhouse/client';
import type { Dialer } from '@/dialer/dialer';
import type { Lead } from '@/dialer/hopper/lead-hopper';
import { storedCatalogue } from '@/server/campaigns/settings';
import { callerCase } from './caller-case';
import { campaignViews } from '@/server/campaigns/views';
import { currentDialer } from '@/server/dialer/instance';
import type { Scope } from '@/server/tenancy/scope';

export const PAUSE_REASONS = ['break', 'training', 'meeting', 'technical'] as const;
/** Why an agent passes on a preview record. */
export const SKIP_REASONS = ['wrong_record', 'already_handled', 'incomplete', 'other'] as const;

/** The contact as the agent sees it: never the hopper's internals. */
export function leadView(lead: Lead) {
  return { phone: lead.phone, name: lead.name, fields: lead.fields ?? {}, attempts: lead.attempts, lastOutcome: lead.lastOutcome ?? null, callback: lead.callback ? { at: lead.callback.at } : null };
}

async function assignedCampaigns(ch: Clickhouse, scope: Scope, dialer: Dialer | null) {
  const views = await campaignViews(ch, scope);
  return Promise.all(views.map(async (c) => {
    const runner = dialer ? await dialer.runner(c.id) : null;
    return {
      id: c.id, code: c.code, name: c.name, client: c.client_name, direction: c.direction, script: c.script,
      dispositions: storedCatalogue(c), mode: runner?.current.mode ?? null, status: runner?.current.status ?? null,
      wrapSeconds: runner?.current.wrapSeconds ?? null, timeZone: c.time_zone,
    };
  }));
}

export async function deskState(ch: Clickhouse, scope: Scope, agentCode: string) {
  const { dialer, reason } = currentDialer();
  const campaigns = await assignedCampaigns(ch, scope, dialer);
  const agent = dialer?.pool.get(agentCode);
  if (!dialer || !agent) return { dialer: { available: dialer !== null, reason }, agentCode, agent: null, campaigns, call: null, preview: null, pauseReasons: PAUSE_REASONS, skipReasons: SKIP_REASONS };
  dialer.deskAlive(agentCode);
  let call = null;
  let preview = null;
  for (const c of campaigns) {
    const runner = await dialer.runner(c.id);
    const onCall = runner.agentCall(agentCode);
    // An inbound caller's earlier calls on the line and the case still open, if any (outbound: the lead's attempts).
    const caller = onCall?.direction === 'inbound' && onCall.phone ? await callerCase(ch, c.id, onCall.id, onCall.phone).catch(() => null) : null;
    if (onCall) call = { ...onCall, campaignId: c.id, caller };
    const shown = runner.preview.shown(agentCode);
    if (shown) preview = { campaignId: c.id, lead: leadView(shown) };
  }
  return {
    dialer: { available: true, reason: '' }, agentCode,
    agent: { state: agent.state, since: agent.since, campaign: agent.campaign ?? null, pauseReason: agent.pauseReason ?? null, browser: agent.browser === true },
    campaigns, call, preview, pauseReasons: PAUSE_REASONS, skipReasons: SKIP_REASONS,
  };
}
