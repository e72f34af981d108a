// Why a campaign set to run places no call right now (pure): the dialer card shows this instead of "running".
// The first cause that stops it wins, in the order a manager would fix them: no dialer in this process, the SIP
// proxy gone, no number to present, a compliance block (stale do-not-call list, caller ID refused), outside the
// calling hours (with when they open again, in the campaign's zone), nobody to take a call, nothing to dial.
import { inCallingWindow, nextAllowedInstant, type CallingWindow } from '@/dialer/compliance/calling-window';
import { PROFILES, type ComplianceProfile } from '@/dialer/compliance/profiles';
import type { DialerSettings } from './settings';

/** The campaign's compliance profile, its calling hours widened when the manager did so (with a reason). */
export function campaignProfile(s: Pick<DialerSettings, 'profile' | 'window'>): ComplianceProfile {
  const base = PROFILES[s.profile];
  const w = s.window;
  return w ? { ...base, window: { days: w.days, ranges: w.ranges as [number, number][], skipFrenchHolidays: w.skipFrenchHolidays } } : base;
}

export type IdleReason =
  /** No dialer runs in this process; `detail` is the portal's reason (no SIP proxy configured, unreachable…). */
  | { kind: 'no_dialer'; detail: string }
  | { kind: 'sip_down' }
  | { kind: 'no_caller_id' }
  /** A compliance block of the whole campaign, worded by the rule (in English, as the logs have it). */
  | { kind: 'blocked'; detail: string }
  /** `resumesAt`: the next allowed minute (epoch ms), null when none within 31 days. */
  | { kind: 'outside_hours'; resumesAt: number | null }
  | { kind: 'no_agent' }
  /** Agents are logged in, all of them paused. */
  | { kind: 'all_paused' }
  /** No lead left to call: no contact list, or every lead finished. */
  | { kind: 'no_leads' }
  /** Leads wait, none is due yet; `nextDueAt` when the first falls due. */
  | { kind: 'no_lead_due'; nextDueAt: number | null };

/** What the runner's snapshot tells of it (CampaignRunner.snapshot()), null when no runner is loaded. */
export interface IdleSnapshot {
  sipConnected: boolean;
  blocked: string | null;
  agents: { available: number; ringing: number; on_call: number; wrapup: number; paused: number };
  leads: { total: number; due: number; inFlight: number; scheduled: number; held?: number };
  linesInUse: number;
}

export interface IdleInput {
  now: number;
  direction: 'inbound' | 'outbound';
  settings: Pick<DialerSettings, 'status' | 'mode' | 'profile' | 'window' | 'callerId'>;
  /** The campaign's time zone: the calling hours the card speaks of. */
  timeZone: string;
  /** Null when the dialer runs in this process; else why not. */
  noDialer: string | null;
  live: IdleSnapshot | null;
  /** When the first waiting lead falls due (LeadHopper.nextDueAt), if known. */
  nextDueAt?: number | null;
}

/** Why nothing dials, or null: the campaign is not set to run, or it is dialing (or ready to, the moment it may). */
export function idleReason(i: IdleInput): IdleReason | null {
  if (i.settings.status !== 'running') return null;
  if (i.noDialer !== null) return { kind: 'no_dialer', detail: i.noDialer };
  const live = i.live;
  if (live && !live.sipConnected) return { kind: 'sip_down' };
  if (!i.settings.callerId) return { kind: 'no_caller_id' };
  if (live?.blocked) return { kind: 'blocked', detail: live.blocked };
  const inbound = i.direction === 'inbound';
  // An inbound line takes calls at any hour: the calling hours are the outbound rule.
  if (!inbound) {
    const window: CallingWindow = campaignProfile(i.settings).window;
    if (!inCallingWindow(i.now, i.timeZone, window).allowed) return { kind: 'outside_hours', resumesAt: nextAllowedInstant(i.now, i.timeZone, window) };
  }
  if (!live) return null;
  const a = live.agents;
  const loggedIn = a.available + a.ringing + a.on_call + a.wrapup + a.paused;
  if (loggedIn === 0) return { kind: 'no_agent' };
  if (loggedIn === a.paused) return { kind: 'all_paused' };
  if (inbound || live.linesInUse > 0) return null;
  if (live.leads.due === 0 && live.leads.inFlight === 0) {
    // None left to call (an empty list, or every lead finished), or the next ones wait for their retry time.
    if (live.leads.scheduled === 0 && !live.leads.held) return { kind: 'no_leads' };
    const next = i.nextDueAt ?? null;
    return { kind: 'no_lead_due', nextDueAt: next !== null && Number.isFinite(next) ? next : null };
  }
  return null;
}
