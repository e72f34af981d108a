// The dialer card's words for why a running campaign places no call (dialer/runner/idle-reason.ts), in the user's
// language; instants (when calling resumes, when the next lead falls due) in the campaign's time zone.
import { translate, type Locale } from '@/app/i18n/messages';
import type { IdleReason } from '@/server/dialer/router';

const dayKey = (at: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** "à 14:00" the same day, "lundi 10:00" within the week, "le 12/03 à 10:00" beyond (in `timeZone`). */
export function whenText(at: number, now: number, timeZone: string, locale: Locale): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (dayKey(at, timeZone) === dayKey(now, timeZone)) return translate(locale, 'dialer.when.today', { time });
  if (at - now < 6 * 86_400_000) {
    const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at);
    return translate(locale, 'dialer.when.day', { day, time });
  }
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit' }).format(at);
  return translate(locale, 'dialer.when.date', { date, time });
}

/** The server says why there is no dialer in English (logs, API); the two reasons it gives are worded in the user's language. */
export function noDialerText(reason: string, locale: Locale): string {
  if (reason === 'no SIP proxy configured') return translate(locale, 'dialer.reason.noProxy');
  const unreachable = /^SIP proxy unreachable \((.*)\)$/.exec(reason);
  return unreachable ? translate(locale, 'dialer.reason.unreachable', { detail: unreachable[1]! }) : reason;
}

/** An inbound line (`inbound`) is worded as a line that takes no call, an outbound campaign as one that places none. */
export function idleText(reason: IdleReason, o: { now: number; timeZone: string; locale: Locale; inbound?: boolean }): string {
  const { locale } = o;
  if (o.inbound) {
    // The reasons a line can have (idle-reason.ts: no calling hours, no leads for a line).
    if (reason.kind === 'no_dialer') return translate(locale, 'dialer.idle.line.no_dialer', { detail: noDialerText(reason.detail, locale) });
    if (reason.kind === 'sip_down' || reason.kind === 'no_caller_id' || reason.kind === 'no_agent' || reason.kind === 'all_paused') return translate(locale, `dialer.idle.line.${reason.kind}`);
  }
  switch (reason.kind) {
    case 'no_dialer': return translate(locale, 'dialer.idle.no_dialer', { detail: noDialerText(reason.detail, locale) });
    case 'blocked': return translate(locale, 'dialer.idle.blocked');
    case 'outside_hours':
      return reason.resumesAt === null
        ? translate(locale, 'dialer.idle.outside_hours.none')
        : translate(locale, 'dialer.idle.outside_hours', { when: whenText(reason.resumesAt, o.now, o.timeZone, locale) });
    case 'no_lead_due':
      return reason.nextDueAt === null
        ? translate(locale, 'dialer.idle.no_lead_due.none')
        : translate(locale, 'dialer.idle.no_lead_due', { when: whenText(reason.nextDueAt, o.now, o.timeZone, locale) });
    default: return translate(locale, `dialer.idle.${reason.kind}`);
  }
}
