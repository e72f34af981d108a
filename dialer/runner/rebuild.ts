// The hopper and the abandon tally of a campaign, rebuilt from ClickHouse: contacts of its ready lists, the call
// records (attempts, outcomes, abandoned calls, refusals, drops over the profile's period), callbacks. Attempts
// journalled but never recorded (the process stopped mid-call) are first recorded as failed, so every attempt
// has exactly one record.
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql, type HistoryRow, type LeadRow } from '@/clickhouse/queries/dialer';
import { contactTimeZones } from '@/dialer/compliance/contact-zones';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import { nextStep, type RetryRules } from '@/dialer/hopper/retry-rules';
import type { Outcome } from '@/clickhouse/vocabulary';
import { abandonPeriodStart, type AbandonPeriod } from '@/dialer/compliance/abandon-period';
import { callRecord } from '@/dialer/calls/call-record';
import { AbandonTally } from './abandon-tally';
import type { CampaignInfo } from './campaign-info';

const opt = (ms: string) => (Number(ms) > 0 ? Number(ms) : undefined);

export async function recordInterruptedAttempts(ch: Clickhouse, campaign: CampaignInfo, write: (records: Record<string, unknown>[]) => Promise<void>): Promise<number> {
  const cut = await dialerSql.unrecordedAttempts(ch, campaign.id);
  if (!cut.length) return 0;
  await write(cut.map((a) => callRecord({
    id: a.id, campaign: campaign.code, direction: 'outbound', phone: a.phone, startedAt: Number(a.started_at), endedAt: Number(a.started_at),
    outcome: 'failed', rule: 'interrupted',
  })));
  return cut.length;
}

export function leadFrom(row: LeadRow, history: HistoryRow | undefined, rules: RetryRules): Lead {
  const attempts = Number(history?.attempts ?? 0);
  const lastOutcome = history?.last_outcome ? (history.last_outcome as Outcome) : undefined;
  const lastAt = opt(history?.last_at ?? '0');
  const lead: Lead = {
    phone: row.phone,
    name: `${row.first_name} ${row.last_name}`.trim(),
    timeZones: contactTimeZones(row.country),
    attempts,
    attemptTimes: (history?.times ?? []).map(Number),
    history: { lastAbandonedAt: opt(history?.last_abandoned ?? '0'), refusedAt: opt(history?.refused_at ?? '0'), optedOutAt: opt(history?.opted_out_at ?? '0') },
    nextAt: 0,
    state: 'waiting',
    rank: Number(row.rank),
    lastOutcome,
    // What the agent sees of the contact besides name and number.
    fields: Object.fromEntries(Object.entries({ first_name: row.first_name, last_name: row.last_name, email: row.email, segment: row.segment, ...row.fields }).filter(([, v]) => v)),
  };
  if (attempts > 0 && lastOutcome && lastOutcome !== 'rejected_compliance' && lastAt !== undefined) {
    const step = nextStep(lastOutcome, lastAt, attempts, rules);
    if (step.kind === 'done') { lead.state = 'done'; lead.doneReason = step.reason; }
    else lead.nextAt = step.at;
  }
  // The contact called back and reached an agent since our last attempt (LeadHopper.calledIn).
  const calledIn = opt(history?.called_in_at ?? '0');
  if (calledIn !== undefined && calledIn > (lastAt ?? 0) && lead.state !== 'done') { lead.state = 'done'; lead.doneReason = 'called_in'; lead.lastOutcome = 'connected'; }
  return lead;
}

/** The campaign's leads as ClickHouse has them now: its contacts, each with its history across the client's campaigns. */
export async function loadLeads(ch: Clickhouse, campaign: CampaignInfo, partnershipCampaigns: string[], rules: RetryRules, now = Date.now()): Promise<Lead[]> {
  const [rows, histories] = await Promise.all([
    dialerSql.leads(ch, campaign.id),
    dialerSql.history(ch, campaign.orgId, campaign.id, partnershipCampaigns, now - 30 * 86_400_000),
  ]);
  const byPhone = new Map(histories.map((h) => [h.phone, h]));
  return rows.map((r) => leadFrom(r, byPhone.get(r.phone), rules));
}

export async function rebuildHopper(ch: Clickhouse, campaign: CampaignInfo, partnershipCampaigns: string[], rules: RetryRules, now = Date.now()): Promise<LeadHopper> {
  const [leads, callbacks] = await Promise.all([loadLeads(ch, campaign, partnershipCampaigns, rules, now), dialerSql.callbacks(ch, campaign.id)]);
  const byLead = new Map(leads.map((l) => [l.phone, l]));
  for (const cb of callbacks) {
    const lead = byLead.get(cb.phone);
    if (lead) { lead.callback = { at: Number(cb.at), agent: cb.agent || undefined }; lead.state = 'waiting'; }
  }
  return new LeadHopper(leads, rules);
}

/** The campaign's abandon tally over its profile's period, as the stored records have it. */
export async function loadTally(ch: Clickhouse, campaign: CampaignInfo, period: AbandonPeriod, now = Date.now()): Promise<AbandonTally> {
  const minutes = await dialerSql.tallyByMinute(ch, campaign.id, abandonPeriodStart(period, now, campaign.timeZone));
  return new AbandonTally(period, campaign.timeZone, minutes.map((m) => ({ minute: Number(m.minute), humanAnswered: Number(m.answered), dropped: Number(m.dropped) })));
}
