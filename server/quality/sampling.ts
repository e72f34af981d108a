// The sampling queue's rules (PRODUCT §7), pure: N calls per agent per ISO week, drawn at random for each agent,
// stratified by outcome (each stratum in turn, so a week of mostly unconverted calls still puts a sale in the
// sample), never a call already queued or evaluated (the query hands only the others over).
import { addDays, addWeeks, format, startOfISOWeek } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/** Calls per agent per week when a campaign has set nothing. */
export const DEFAULT_PER_AGENT_WEEK = 2;
export const MAX_PER_AGENT_WEEK = 50;

/** A call that may be drawn: connected, with an agent, neither queued nor evaluated. */
export interface Candidate {
  callId: string;
  agent: string;
  /** What the sample is stratified by: `converted` or `not_converted` (the call's outcome for the campaign). */
  stratum: string;
}

export const stratumOf = (call: { converted: number | boolean }): string => (call.converted ? 'converted' : 'not_converted');

/**
 * Draws, for each agent, `perAgent` calls minus those already queued for them this week. Agents and strata are
 * visited in random order; each agent's calls are taken one stratum after the other, at random within it.
 */
export function drawSample(candidates: readonly Candidate[], alreadyQueued: ReadonlyMap<string, number>, perAgent: number, random: () => number): Candidate[] {
  const byAgent = new Map<string, Candidate[]>();
  for (const c of candidates) byAgent.set(c.agent, [...(byAgent.get(c.agent) ?? []), c]);
  const out: Candidate[] = [];
  for (const [agent, calls] of [...byAgent.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    let need = perAgent - (alreadyQueued.get(agent) ?? 0);
    if (need <= 0) continue;
    const strata = new Map<string, Candidate[]>();
    for (const c of calls) strata.set(c.stratum, [...(strata.get(c.stratum) ?? []), c]);
    const order = shuffle([...strata.keys()].sort(), random);
    for (const s of order) strata.set(s, shuffle(strata.get(s)!, random));
    while (need > 0 && order.some((s) => strata.get(s)!.length > 0)) {
      for (const s of order) {
        if (need <= 0) break;
        const pick = strata.get(s)!.shift();
        if (!pick) continue;
        out.push(pick);
        need--;
      }
    }
  }
  return out;
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The ISO week holding `at` in `timeZone`: its Monday (yyyy-mm-dd) and its span [from, to) in epoch ms. */
export function isoWeekOf(at: number, timeZone: string): { week: string; from: number; to: number } {
  const monday = startOfISOWeek(new TZDate(at, timeZone));
  return { week: format(monday, 'yyyy-MM-dd'), from: monday.getTime(), to: addWeeks(monday, 1).getTime() };
}

/** The span of the ISO week starting on `week` (a Monday, yyyy-mm-dd) in `timeZone`; throws on a day that is not a Monday. */
export function weekSpan(week: string, timeZone: string): { week: string; from: number; to: number } {
  const [y, m, d] = week.split('-').map(Number) as [number, number, number];
  const monday = new TZDate(y, m - 1, d, timeZone);
  // 2026-02-30 would roll over to 2 March: the day must be the one written.
  if (Number.isNaN(monday.getTime()) || monday.getDay() !== 1 || format(monday, 'yyyy-MM-dd') !== week) throw new Error(`${week} is not a Monday`);
  return { week, from: monday.getTime(), to: addDays(monday, 7).getTime() };
}

export const WEEK_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
