// The quality report of a contact import: every row is counted exactly once, valid or under one reason.
import { FRESHNESS_BUCKETS } from './record-date';

export const REJECT_REASONS = ['malformed_row', 'missing_phone', 'invalid_phone', 'duplicate_in_file', 'opt_out', 'duplicate_in_campaign', 'invalid_consent'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface ImportReport {
  rows_read: number;
  valid: number;
  normalised: number;
  foreign: number;
  malformed: number;
  missing_phone: number;
  invalid_phone: number;
  duplicates_in_file: number;
  opt_out: number;
  duplicates_in_campaign: number;
  /** Rows refused for their consent columns (a bad date, an unknown scope…): the reason is on each rejected row. */
  invalid_consent: number;
  /** Valid rows that came with a consent record. */
  with_consent: number;
  segments: Record<string, number>;
  freshness: { with_date: number; unparseable_dates: number; median_age_days: number | null; buckets: { label: string; count: number }[] };
}

export function emptyReport(): ImportReport {
  return {
    rows_read: 0, valid: 0, normalised: 0, foreign: 0, malformed: 0, missing_phone: 0, invalid_phone: 0,
    duplicates_in_file: 0, opt_out: 0, duplicates_in_campaign: 0, invalid_consent: 0, with_consent: 0, segments: {},
    freshness: { with_date: 0, unparseable_dates: 0, median_age_days: null, buckets: FRESHNESS_BUCKETS.map((b) => ({ label: b.label, count: 0 })) },
  };
}

export const REASON_FIELD: Record<RejectReason, keyof ImportReport> = {
  malformed_row: 'malformed', missing_phone: 'missing_phone', invalid_phone: 'invalid_phone',
  duplicate_in_file: 'duplicates_in_file', opt_out: 'opt_out', duplicate_in_campaign: 'duplicates_in_campaign',
  invalid_consent: 'invalid_consent',
};
