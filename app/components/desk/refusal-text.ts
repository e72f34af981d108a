// A refused dial as the agent reads it: the rule in the user's language (the dialer's own wording for a rule it
// does not know yet), and from when the call would be allowed.
import { messages, type MessageKey } from '@/app/i18n/messages';

export function refusalText(t: (key: MessageKey, vars?: Record<string, string>) => string, locale: string, r: { rule: string; reason: string; retryAt: number | null }): string {
  const key = `desk.rule.${r.rule}` as MessageKey;
  const rule = Object.hasOwn(messages.fr, key) ? t(key) : r.reason;
  const when = r.retryAt ? ` ${t('desk.preview.retryAt', { time: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(r.retryAt)) })}` : '';
  return `${t('desk.refused', { rule })}${when}`;
}
