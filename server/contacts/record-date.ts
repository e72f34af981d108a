// Dates of records in contact files: French day-first dates, ISO dates, with or without a time.
export type DateFormat = 'auto' | 'dd/MM/yyyy' | 'yyyy-MM-dd' | 'MM/dd/yyyy';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function make(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** The calendar day of a record (time of day ignored), or null when it is not a date. */
export function parseRecordDate(raw: string, format: DateFormat = 'auto'): Date | null {
  const text = raw.trim();
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso && (format === 'auto' || format === 'yyyy-MM-dd')) return make(+iso[1]!, +iso[2]!, +iso[3]!);
  const slash = DAY_FIRST.exec(text);
  if (slash && format !== 'yyyy-MM-dd') {
    const [a, b] = [+slash[1]!, +slash[2]!];
    return format === 'MM/dd/yyyy' ? make(+slash[3]!, a, b) : make(+slash[3]!, b, a);
  }
  return null;
}

export const FRESHNESS_BUCKETS = [
  { label: '< 30 d', maxDays: 30 },
  { label: '30–90 d', maxDays: 90 },
  { label: '90–365 d', maxDays: 365 },
  { label: '> 1 y', maxDays: Infinity },
] as const;

export function ageInDays(date: Date, now: Date): number {
  return Math.floor((now.getTime() - date.getTime()) / 86_400_000);
}
