// How the quality pages write a score, a date and a call's length in the user's language.
export const formatScore = (score: number | null | undefined, locale: string) =>
  score === null || score === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);

export const formatWhen = (iso: string | null | undefined, locale: string) =>
  iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso)) : '—';

export const scoreColor = (score: number | null | undefined) => (score === null || score === undefined ? 'gray' : score >= 0.8 ? 'teal' : score >= 0.6 ? 'yellow' : 'red');

export const STATUS_COLOR: Record<string, string> = { submitted: 'blue', acknowledged: 'teal', disputed: 'red', revised: 'grape' };
