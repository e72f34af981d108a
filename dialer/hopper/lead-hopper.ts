// The lead hopper (pure): which contact to dial next. A lead is never handed out twice at once; due callbacks
// come first, then the earliest due lead (fresh leads are due at once, in list order); every attempt's end
// schedules the next by the retry rules. Its whole state derives from the contacts and the call records, so
// it is rebuilt after a restart (dialer/runner/rebuild.ts).
import type { ContactHistory } from '@/dialer/compliance/dnc';
import type { Outcome } from '@/clickhouse/vocabulary';
import { DEFAULT_RETRY_RULES, nextStep, type AttemptOutcome, type RetryRules } from './retry-rules';

export interface Lead {
  phone: string;
  /** Shown to the agent and written as the call record's `contact`. */
  name: string;
  /** The contact's time zones (several for a country that spans zones: every one must allow the call). */
  timeZones: string[];
  /** Attempts by this campaign so far. */
  attempts: number;
  /** Instants of attempts on this number by the outsourcer for this client, any campaign (the 30-day cap). */
  attemptTimes: number[];
  history: ContactHistory;
  nextAt: number;
  callback?: { at: number; agent?: string };
  state: 'waiting' | 'in_flight' | 'done';
  doneReason?: string;
  lastOutcome?: Outcome;
  /** Order of the contact in its list: fresh leads go in this order. */
  rank: number;
  fields?: Record<string, string>;
  /**
   * The compliance rule that deferred the lead (calling hours, the 72-h rest…) and when it was due before: a hold,
   * not a retry the campaign scheduled. Cleared by the next attempt; undone when the campaign stops.
   */
  hold?: { rule: string; dueBefore: number };
}

export interface HistoryNote { attemptAt?: number; abandonedAt?: number; refusedAt?: number; optedOutAt?: number }

/** `held`: waiting for a compliance rule to allow the call (outside calling hours…), not for a scheduled retry. */
export interface HopperCounts { total: number; due: number; scheduled: number; held: number; inFlight: number; done: number; callbacks: number }

export class LeadHopper {
  private readonly leads = new Map<string, Lead>();

  constructor(leads: Iterable<Lead>, private rules: RetryRules = DEFAULT_RETRY_RULES) {
    for (const lead of leads) this.leads.set(lead.phone, { ...lead, state: lead.state === 'in_flight' ? 'waiting' : lead.state });
  }

  /** New retry rules apply from the next attempt's end on. */
  setRules(rules: RetryRules): void {
    this.rules = rules;
  }

  get(phone: string): Lead | undefined {
    return this.leads.get(phone);
  }

  /**
   * The next lead to dial at `now` (marked in flight), or undefined when none is due. `agent`: the dial is for that
   * agent (preview), another agent's personal callback is not for it; `held`: whether a personal callback's agent
   * is busy, its callback then waits for it.
   */
  take(now: number, agent?: string, held?: (agent: string) => boolean): Lead | undefined {
    let best: Lead | undefined;
    let bestKey: [number, number, number] | undefined;
    for (const lead of this.leads.values()) {
      if (lead.state !== 'waiting') continue;
      const due = lead.callback ? lead.callback.at : lead.nextAt;
      if (due > now) continue;
      // A callback promised by one agent waits for that agent when the dial is for a known agent (preview).
      if (lead.callback?.agent && agent && lead.callback.agent !== agent) continue;
      // …and, dialled for whoever is free (progressive, predictive), while its agent is busy on another call.
      if (lead.callback?.agent && !agent && held?.(lead.callback.agent)) continue;
      const key: [number, number, number] = [lead.callback ? 0 : 1, lead.callback ? due : lead.attempts === 0 ? lead.rank : due, lead.rank];
      if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = lead;
        bestKey = key;
      }
    }
    if (best) best.state = 'in_flight';
    return best;
  }

  /**
   * A lead an agent dials by hand (marked in flight), whatever its schedule: the compliance rules, checked next,
   * decide. Undefined when the number is not one of the campaign's contacts or is being dialled already.
   */
  takePhone(phone: string): Lead | undefined {
    const lead = this.leads.get(phone);
    if (!lead || lead.state === 'in_flight') return undefined;
    lead.state = 'in_flight';
    return lead;
  }

  /** The attempt ended: count it and schedule what comes next. */
  settle(phone: string, outcome: AttemptOutcome, at: number, options: { callbackAt?: number; agent?: string; remove?: string } = {}): Lead {
    const lead = this.must(phone);
    lead.attempts += 1;
    lead.attemptTimes.push(at);
    lead.lastOutcome = outcome;
    lead.hold = undefined;
    if (outcome === 'abandoned') lead.history = { ...lead.history, lastAbandonedAt: at };
    lead.callback = undefined;
    if (options.remove) return this.finish(lead, options.remove);
    if (options.callbackAt !== undefined) {
      lead.callback = { at: options.callbackAt, agent: options.agent };
      lead.state = 'waiting';
      return lead;
    }
    const step = nextStep(outcome, at, lead.attempts, this.rules);
    if (step.kind === 'done') return this.finish(lead, step.reason);
    lead.nextAt = step.at;
    lead.state = 'waiting';
    return lead;
  }

  /**
   * The contact called the campaign back (smart outbound): not an attempt of ours, but what the agent
   * decided applies — a refusal or an opt-out ends the lead, a callback is scheduled, a contact reached and
   * left without either is done like one reached by an outbound call. A lead being dialled right now keeps
   * its attempt's own ending.
   */
  calledIn(phone: string, at: number, options: { reached: boolean; callbackAt?: number; agent?: string; remove?: string }): Lead | undefined {
    const lead = this.leads.get(phone);
    if (!lead || lead.state === 'in_flight') return lead;
    if (options.remove) return this.finish(lead, options.remove);
    if (lead.state === 'done') return lead;
    if (options.callbackAt !== undefined) {
      lead.callback = { at: options.callbackAt, agent: options.agent };
      return lead;
    }
    if (options.reached) {
      lead.callback = undefined;
      lead.lastOutcome = 'connected';
      return this.finish(lead, 'called_in');
    }
    return lead;
  }

  /**
   * The campaign's contacts read again (a list imported or deleted while the campaign runs): new numbers join
   * as fresh leads, waiting leads no longer in `current` (removed, list deleted) are done. Leads in flight and
   * everything already known of the others are kept.
   */
  merge(current: readonly Lead[]): { added: number; removed: number } {
    const present = new Set(current.map((l) => l.phone));
    let added = 0;
    let removed = 0;
    for (const lead of current) {
      if (this.leads.has(lead.phone)) continue;
      this.leads.set(lead.phone, { ...lead, state: lead.state === 'in_flight' ? 'waiting' : lead.state });
      added++;
    }
    for (const lead of this.leads.values()) {
      if (lead.state === 'waiting' && !present.has(lead.phone)) { this.finish(lead, 'removed'); removed++; }
    }
    return { added, removed };
  }

  /**
   * What another campaign of the same client did with this number (an attempt, an abandoned call, a refusal,
   * an opt-out): it counts for this campaign's compliance rules at once, not only after a restart.
   */
  noteElsewhere(phone: string, note: HistoryNote): void {
    const lead = this.leads.get(phone);
    if (!lead) return;
    if (note.attemptAt !== undefined) lead.attemptTimes.push(note.attemptAt);
    const h = { ...lead.history };
    if (note.abandonedAt !== undefined) h.lastAbandonedAt = Math.max(h.lastAbandonedAt ?? 0, note.abandonedAt);
    if (note.refusedAt !== undefined) h.refusedAt = Math.max(h.refusedAt ?? 0, note.refusedAt);
    if (note.optedOutAt !== undefined) h.optedOutAt = Math.max(h.optedOutAt ?? 0, note.optedOutAt);
    lead.history = h;
  }

  /** A dial refused by compliance: no attempt was made; try again when the rule allows, or never. */
  defer(phone: string, until: number | undefined, rule: string): Lead {
    const lead = this.must(phone);
    if (until === undefined) return this.finish(lead, rule);
    lead.hold = { rule, dueBefore: lead.hold?.dueBefore ?? lead.nextAt };
    lead.nextAt = until;
    if (lead.callback && lead.callback.at < until) lead.callback = { ...lead.callback, at: until };
    lead.state = 'waiting';
    return lead;
  }

  /** Puts a lead taken but not dialled back as it was (e.g. the dial was never placed). */
  putBack(phone: string): void {
    const lead = this.must(phone);
    if (lead.state === 'in_flight') lead.state = 'waiting';
  }

  /**
   * An agent passed on the lead in preview: back to waiting, behind the other due leads so that the next record
   * taken is another one — a fresh lead goes to the end of the list order, a retry behind the retries due by now.
   * A callback keeps its time (it is still owed).
   */
  skip(phone: string, now: number): void {
    const lead = this.must(phone);
    if (lead.state !== 'in_flight') return;
    lead.state = 'waiting';
    if (lead.callback) return;
    if (lead.attempts === 0) {
      let last = lead.rank;
      for (const other of this.leads.values()) last = Math.max(last, other.rank);
      if (last !== lead.rank) lead.rank = last + 1;
    } else lead.nextAt = Math.max(lead.nextAt, now);
  }

  /** The leads waiting for a callback. */
  callbacks(): Lead[] {
    return [...this.leads.values()].filter((l) => l.callback && l.state === 'waiting');
  }

  /**
   * The campaign stopped dialing: leads held by a compliance rule go back to when they were due before it (the rule is
   * checked again at the next dial anyway), so a stopped campaign shows no schedule it did not make. Answers how many.
   */
  releaseHolds(): number {
    let n = 0;
    for (const lead of this.leads.values()) {
      if (!lead.hold) continue;
      if (lead.state === 'waiting') {
        lead.nextAt = lead.hold.dueBefore;
        n++;
      }
      lead.hold = undefined;
    }
    return n;
  }

  /** When the next waiting lead falls due (Infinity when none waits). */
  nextDueAt(): number {
    let next = Infinity;
    for (const lead of this.leads.values()) if (lead.state === 'waiting') next = Math.min(next, lead.callback?.at ?? lead.nextAt);
    return next;
  }

  counts(now: number): HopperCounts {
    const c: HopperCounts = { total: 0, due: 0, scheduled: 0, held: 0, inFlight: 0, done: 0, callbacks: 0 };
    for (const lead of this.leads.values()) {
      c.total++;
      if (lead.state === 'done') c.done++;
      else if (lead.state === 'in_flight') c.inFlight++;
      else if ((lead.callback?.at ?? lead.nextAt) <= now) c.due++;
      else if (lead.hold) c.held++;
      else c.scheduled++;
      if (lead.callback && lead.state === 'waiting') c.callbacks++;
    }
    return c;
  }

  private finish(lead: Lead, reason: string): Lead {
    lead.state = 'done';
    lead.doneReason = reason;
    return lead;
  }

  private must(phone: string): Lead {
    const lead = this.leads.get(phone);
    if (!lead) throw new Error(`no lead ${phone} in the hopper`);
    return lead;
  }
}
