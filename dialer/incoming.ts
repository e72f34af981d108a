// A customer calls one of the campaigns' numbers: routed by it (runner/inbound-routing.ts: the open inbound line,
// else the campaign that called them last — smart outbound), answered into that campaign's queue with the
// contact's record when the campaign (or another of the client's) knows the number.
import { normalisePhone } from './phone';
import { routeInbound, type Line } from './runner/inbound-routing';
import type { RunnerRegistry } from './runners';
import type { IncomingCall } from './sip/dialer-ua';

/** The caller's number in E.164 when it is one (French national forms included), else '' (withheld or not a number). */
function callerNumber(from: string): string {
  const n = normalisePhone(from, 'FR');
  return n.ok ? n.e164 : '';
}

export async function answerIncoming(call: IncomingCall, lines: readonly Line[], runners: RunnerRegistry): Promise<void> {
  const phone = callerNumber(call.from);
  try {
    const last = new Map<string, number>();
    for (const line of lines.filter((l) => l.number === call.to && l.direction === 'outbound')) {
      const lead = (await runners.runner(line.campaignId)).hopper.get(phone);
      if (lead && lead.attempts > 0) last.set(line.campaignId, Math.max(0, ...lead.attemptTimes));
    }
    const route = routeInbound(call.to, lines, (id) => last.get(id));
    if (route.kind === 'reject') return await call.reject(route.status);
    const runner = await runners.runner(route.campaignId);
    const lead = runner.hopper.get(phone) ?? (await runners.knownLead(runner.campaign.partnershipId, phone));
    const leg = await call.answer();
    await runner.takeInbound({ phone, arrivedAt: call.arrivedAt, leg, lead });
  } catch (err) {
    console.error(`Dialer: incoming call from ${call.from} to ${call.to} failed: ${(err as Error).message}`);
    await call.reject(480).catch(() => {});
  }
}
