// The KPI formulas of PRODUCT §4, on totals already summed over a range: the one home of every KPI rule.
// A KPI whose denominator is zero is null ("no data"), never 0.
import type { CallTotals, QaTotals, ResolutionTotals, StateTotals, SurveyTotals } from '@/clickhouse/queries/kpi';
import type { SalTotals } from '@/clickhouse/queries/sal';
import type { Campaign } from '@/clickhouse/queries/tenancy';

export interface SlThresholds {
  /** Answered within T seconds counts as meeting the service level. */
  answerSeconds: number;
  /** Callers abandoning within S seconds are left out of the service level. */
  shortAbandonSeconds: number;
}

export const EMPTY_CALLS: CallTotals = {
  calls: 0, rejected: 0, connected: 0, abandoned: 0, human_answered: 0, dropped: 0, converted: 0,
  talk_seconds: 0, hold_seconds: 0, wrap_seconds: 0, connected_queue_seconds: 0, connected_wait: {}, abandoned_wait: {},
};

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

function countWhere(hist: Record<string, number>, keep: (seconds: number) => boolean): number {
  let n = 0;
  for (const [seconds, count] of Object.entries(hist)) if (keep(Number(seconds))) n += count;
  return n;
}

/** SL(T, S): inbound calls connected within T ÷ (connected + abandoned after S). */
export function serviceLevel(inbound: CallTotals, { answerSeconds, shortAbandonSeconds }: SlThresholds): number | null {
  const within = countWhere(inbound.connected_wait, (s) => s <= answerSeconds);
  const longAbandons = countWhere(inbound.abandoned_wait, (s) => s > shortAbandonSeconds);
  return ratio(within, inbound.connected + longAbandons);
}

/** ASA: mean queue wait of connected inbound calls, in seconds. */
export const averageSpeedOfAnswer = (inbound: CallTotals) => ratio(inbound.connected_queue_seconds, inbound.connected);

/** Inbound abandon rate: abandoned ÷ offered. */
export const inboundAbandonRate = (inbound: CallTotals) => ratio(inbound.abandoned, offered(inbound));

/** Outbound (regulatory) abandon rate: answered by a person, no agent within 2 s ÷ answered by a person. */
export const outboundAbandonRate = (outbound: CallTotals) => ratio(outbound.dropped, outbound.human_answered);

/** Contact rate: outbound calls answered by a person ÷ outbound attempts. */
export const contactRate = (outbound: CallTotals) => ratio(outbound.human_answered, attempts(outbound));

/**
 * Conversion rate: converted calls ÷ calls connected to an agent. `converts`: whether any campaign in scope has a
 * success disposition; when none has and no call came marked converted, there is nothing to convert (a service
 * line): null, shown « — », not a 0 % that reads as a failure.
 */
export const conversionRate = (all: CallTotals, converts = true) =>
  (converts || all.converted > 0 ? ratio(all.converted, all.connected) : null);

/** The conversion rate's `converts`: whether any of these campaigns has a success disposition (something to count). */
export const hasConversions = (campaigns: readonly Pick<Campaign, 'success_dispositions'>[]) =>
  campaigns.some((c) => c.success_dispositions.length > 0);

/** AHT: (talk + hold + wrap) ÷ calls connected to an agent, in seconds. */
export const averageHandleTime = (all: CallTotals) =>
  ratio(all.talk_seconds + all.hold_seconds + all.wrap_seconds, all.connected);

/** NPS: % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export const netPromoterScore = (s: SurveyTotals) =>
  s.responses > 0 ? (100 * (s.promoters - s.detractors)) / s.responses : null;

/** QA score: the mean score (0–1) of the calls' official evaluations (server/quality/score.ts scores each). */
export const qaScore = (q: QaTotals) => ratio(q.score_sum, q.evaluations);

/** FCR: cases resolved on their first call ÷ cases resolved. */
export const firstCallResolution = (r: ResolutionTotals) => ratio(r.resolved_first_call, r.cases_resolved);

/** Occupancy: handling time ÷ (handling + available time). */
export const occupancy = (s: StateTotals) => ratio(s.handling_seconds, s.handling_seconds + s.available_seconds);

/** SAL (list penetration): distinct contacts of the list attempted at least once ÷ contacts in the list. */
export const listPenetration = (s: SalTotals) => ratio(s.attempted, s.contacts);

/**
 * The span SAL is measured over. Without a window (the target's hours), the range itself. With one ("75 % in
 * 8 h"), the first `windowHours` of dialling in the range: from the campaign's first attempt in it, clipped to
 * the range. A range without attempts has nothing dialled: the range itself (SAL 0 when the list has contacts).
 */
export function salWindow(range: { from: number; to: number }, firstAttempt: number | null, windowHours: number | null): { from: number; to: number } {
  if (windowHours === null || windowHours <= 0 || firstAttempt === null) return range;
  const from = Math.max(range.from, firstAttempt);
  return { from, to: Math.min(range.to, from + windowHours * 3_600_000) };
}

/** Adds SAL totals of several campaigns: each contact is its campaign's (a number in two campaigns counts twice). */
export const addSal = (a: SalTotals, b: SalTotals): SalTotals => ({ contacts: a.contacts + b.contacts, attempted: a.attempted + b.attempted });

/** Calls connected per logged-in agent-hour. */
export const callsPerAgentHour = (all: CallTotals, s: StateTotals) => ratio(all.connected, s.logged_in_seconds / 3600);

export const offered = (inbound: CallTotals) => inbound.calls - inbound.rejected;
export const attempts = (outbound: CallTotals) => outbound.calls - outbound.rejected;

export function addTotals(a: CallTotals, b: CallTotals): CallTotals {
  const sumHist = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    calls: a.calls + b.calls,
    rejected: a.rejected + b.rejected,
    connected: a.connected + b.connected,
    abandoned: a.abandoned + b.abandoned,
    human_answered: a.human_answered + b.human_answered,
    dropped: a.dropped + b.dropped,
    converted: a.converted + b.converted,
    talk_seconds: a.talk_seconds + b.talk_seconds,
    hold_seconds: a.hold_seconds + b.hold_seconds,
    wrap_seconds: a.wrap_seconds + b.wrap_seconds,
    connected_queue_seconds: a.connected_queue_seconds + b.connected_queue_seconds,
    connected_wait: sumHist(a.connected_wait, b.connected_wait),
    abandoned_wait: sumHist(a.abandoned_wait, b.abandoned_wait),
  };
}
