// The import pipeline's pure core, fed one row at a time: mapping, phone normalisation, screening and
// the report. Checks run in this order and a row stops at the first that fails:
//   malformed_row → missing_phone → invalid_phone → duplicate_in_file → opt_out → duplicate_in_campaign → invalid_consent.
// A number counts as seen in the file once it was valid, even if that row was then screened out, so a
// repeat of an opted-out number is a duplicate, not a second opt-out.
import type { CountryCode } from 'libphonenumber-js';
import type { ColumnIndexes } from './mapping';
import { normalisePhone } from '@/dialer/phone';
import { ageInDays, FRESHNESS_BUCKETS, parseRecordDate, type DateFormat } from './record-date';
import { checkConsentFields, type ConsentFields } from '@/server/numbers/consent-line';
import { emptyReport, REASON_FIELD, type ImportReport, type RejectReason } from './report';

export interface ImportedContact {
  row: number;
  phone_e164: string;
  country: string;
  first_name: string;
  last_name: string;
  email: string;
  segment: string;
  record_date: Date | null;
  fields: Record<string, string>;
  /** The row's consent record, when it has a consent date (PRODUCT §5). */
  consent: ConsentFields | null;
}
export interface RejectedRow { row: number; reason: RejectReason; detail: string; cells: string[] }

export interface AccumulatorOptions {
  columns: ColumnIndexes;
  headerCount: number;
  defaultCountry: CountryCode;
  dateFormat: DateFormat;
  now: Date;
  /** The campaign already has this number (from an earlier list). */
  inCampaign: (e164: string) => boolean;
  /** The number is on the outsourcer's opt-out list. */
  optedOut: (e164: string) => boolean;
}

// Module-level so the hot path does not allocate a closure per row.
function cellAt(cells: string[], i: number): string {
  return i >= 0 ? (cells[i] ?? '').trim() : '';
}

export type RowOutcome = { contact: ImportedContact } | { rejected: RejectedRow };

export class ContactAccumulator {
  private readonly report = emptyReport();
  private readonly seen = new Set<string>();
  private readonly ages = new Map<number, number>();

  constructor(private readonly options: AccumulatorOptions) {}

  push(row: number, cells: string[]): RowOutcome {
    const { columns, headerCount } = this.options;
    this.report.rows_read++;
    if (cells.length !== headerCount) return this.reject(row, 'malformed_row', `${cells.length} cells, the header has ${headerCount}`, cells);
    const phoneText = cellAt(cells, columns.phone);
    const phone = normalisePhone(phoneText, this.options.defaultCountry);
    if (!phone.ok) return this.reject(row, phone.error, phoneText, cells);
    if (this.seen.has(phone.e164)) return this.reject(row, 'duplicate_in_file', phone.e164, cells);
    this.seen.add(phone.e164);
    if (this.options.optedOut(phone.e164)) return this.reject(row, 'opt_out', phone.e164, cells);
    if (this.options.inCampaign(phone.e164)) return this.reject(row, 'duplicate_in_campaign', phone.e164, cells);
    let consent: ConsentFields | null = null;
    // A row with a consent date carries a consent record; the other consent cells alone are not one.
    if (columns.consentDate >= 0 && cellAt(cells, columns.consentDate)) {
      const checked = checkConsentFields({
        phone: phone.e164, given_at: cellAt(cells, columns.consentDate), source: cellAt(cells, columns.consentSource) || 'contact file',
        scope: cellAt(cells, columns.consentScope), channel: cellAt(cells, columns.consentChannel), proof_ref: cellAt(cells, columns.consentProof),
        expires_at: cellAt(cells, columns.consentExpiry),
      }, this.options.now.getTime());
      if (!checked.ok) return this.reject(row, 'invalid_consent', checked.error, cells);
      consent = checked.consent;
    }

    const r = this.report;
    if (consent) r.with_consent++;
    r.valid++;
    if (phone.normalised) r.normalised++;
    if (phone.country !== this.options.defaultCountry) r.foreign++;
    const segment = cellAt(cells, columns.segment);
    if (columns.segment >= 0) r.segments[segment || '—'] = (r.segments[segment || '—'] ?? 0) + 1;
    let recordDate: Date | null = null;
    if (columns.date >= 0 && cellAt(cells, columns.date)) {
      recordDate = parseRecordDate(cellAt(cells, columns.date), this.options.dateFormat);
      if (recordDate) {
        const age = Math.max(0, ageInDays(recordDate, this.options.now));
        r.freshness.with_date++;
        this.ages.set(age, (this.ages.get(age) ?? 0) + 1);
        r.freshness.buckets[FRESHNESS_BUCKETS.findIndex((b) => age < b.maxDays)]!.count++;
      } else r.freshness.unparseable_dates++;
    }
    let firstName = cellAt(cells, columns.firstName);
    let lastName = cellAt(cells, columns.lastName);
    if (!firstName && !lastName && columns.fullName >= 0) {
      const full = cellAt(cells, columns.fullName);
      const space = full.indexOf(' ');
      [firstName, lastName] = space < 0 ? ['', full] : [full.slice(0, space), full.slice(space + 1)];
    }
    const fields: Record<string, string> = {};
    for (const [name, i] of columns.custom) fields[name] = cellAt(cells, i);
    return {
      contact: {
        row, phone_e164: phone.e164, country: phone.country, first_name: firstName, last_name: lastName,
        email: cellAt(cells, columns.email), segment, record_date: recordDate, fields, consent,
      },
    };
  }

  /** The report so far; the median age is computed from the per-day histogram (bounded memory). */
  result(): ImportReport {
    const withDate = this.report.freshness.with_date;
    let median: number | null = null;
    if (withDate > 0) {
      let below = 0;
      for (const [age, n] of [...this.ages].sort((a, b) => a[0] - b[0])) {
        below += n;
        if (below * 2 >= withDate) { median = age; break; }
      }
    }
    return { ...this.report, segments: { ...this.report.segments }, freshness: { ...this.report.freshness, median_age_days: median, buckets: this.report.freshness.buckets.map((b) => ({ ...b })) } };
  }

  private reject(row: number, reason: RejectReason, detail: string, cells: string[]): RowOutcome {
    (this.report[REASON_FIELD[reason]] as number)++;
    return { rejected: { row, reason, detail, cells } };
  }
}
