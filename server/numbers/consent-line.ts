// Pure: one consent record as the API and the contact import give it, checked and normalised. Dates: ISO
// (2026-08-12, 2026-08-12T10:30:00Z) or French day-first (12/08/2026); never in the future, expiry after the date.
import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_SCOPES, type ConsentChannel, type ConsentScope } from '@/clickhouse/queries/numbers';
import { normalisePhone } from '@/dialer/phone';
import { parseRecordDate } from '@/server/contacts/record-date';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Before this, a "consent date" is a typing error (01/01/1900, 0001-01-01). */
const EARLIEST = Date.UTC(2000, 0, 1);
/** A clock a few minutes ahead on the sender's side is not a date in the future. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** The instant of a consent date, or null when the text is not a date. */
export function parseConsentDate(text: string): number | null {
  const t = text.trim();
  if (ISO_INSTANT.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  const day = parseRecordDate(t);
  return day ? day.getTime() : null;
}

export interface ConsentFields {
  phone_e164: string;
  contact_ref: string;
  scope: ConsentScope;
  channel: ConsentChannel;
  source: string;
  given_at: number;
  expires_at: number | null;
  proof_ref: string;
}

export type ConsentCheck = { ok: true; consent: ConsentFields } | { ok: false; error: string };

/** The raw fields of a record (every value text as read from a file or a JSON line). */
export interface RawConsent {
  phone: string;
  contact_ref?: string;
  scope?: string;
  channel?: string;
  source?: string;
  given_at?: string;
  expires_at?: string;
  proof_ref?: string;
}

export function checkConsentFields(raw: RawConsent, now: number): ConsentCheck {
  const phone = normalisePhone(raw.phone ?? '', 'FR');
  if (!phone.ok) return { ok: false, error: `phone: "${raw.phone ?? ''}" is not a valid phone number` };
  const scope = (raw.scope ?? '').trim().toLowerCase() || 'client';
  if (!(CONSENT_SCOPES as readonly string[]).includes(scope)) return { ok: false, error: `scope: "${raw.scope}" must be one of ${CONSENT_SCOPES.join(', ')}` };
  const channel = (raw.channel ?? '').trim().toLowerCase() || 'phone';
  if (!(CONSENT_CHANNELS as readonly string[]).includes(channel)) return { ok: false, error: `channel: "${raw.channel}" must be one of ${CONSENT_CHANNELS.join(', ')}` };
  const source = (raw.source ?? '').trim();
  if (!source) return { ok: false, error: 'source: missing (where the consent was collected: web form, call, paper…)' };
  if (source.length > 200) return { ok: false, error: 'source: longer than 200 characters' };
  const givenText = (raw.given_at ?? '').trim();
  if (!givenText) return { ok: false, error: 'given_at: missing (the date the consent was given)' };
  const givenAt = parseConsentDate(givenText);
  if (givenAt === null) return { ok: false, error: `given_at: "${givenText}" is not a date (2026-08-12 or 12/08/2026)` };
  if (givenAt < EARLIEST) return { ok: false, error: `given_at: "${givenText}" is before 2000` };
  if (givenAt > now + CLOCK_SLACK_MS) return { ok: false, error: `given_at: "${givenText}" is in the future` };
  let expiresAt: number | null = null;
  const expiresText = (raw.expires_at ?? '').trim();
  if (expiresText) {
    expiresAt = parseConsentDate(expiresText);
    if (expiresAt === null) return { ok: false, error: `expires_at: "${expiresText}" is not a date (2026-08-12 or 12/08/2026)` };
    if (expiresAt <= givenAt) return { ok: false, error: `expires_at: "${expiresText}" is not after the consent date` };
  }
  const proof = (raw.proof_ref ?? '').trim();
  if (proof.length > 500) return { ok: false, error: 'proof_ref: longer than 500 characters' };
  const contactRef = (raw.contact_ref ?? '').trim();
  if (contactRef.length > 200) return { ok: false, error: 'contact_ref: longer than 200 characters' };
  return {
    ok: true,
    consent: { phone_e164: phone.e164, contact_ref: contactRef, scope: scope as ConsentScope, channel: channel as ConsentChannel, source, given_at: givenAt, expires_at: expiresAt, proof_ref: proof },
  };
}

/** A JSON line of the API: strings (or numbers for dates as epoch ms are refused: dates are text). */
export const apiConsentLine = z.object({
  campaign: z.string().min(1).max(128),
  phone: z.string().max(64),
  contact_ref: z.string().optional(),
  scope: z.string().optional(),
  channel: z.string().optional(),
  source: z.string().optional(),
  given_at: z.string().optional(),
  expires_at: z.string().optional(),
  proof_ref: z.string().optional(),
});

export const apiWithdrawalLine = z.object({
  campaign: z.string().min(1).max(128),
  phone: z.string().max(64),
  /** When the contact withdrew; now when absent. */
  withdrawn_at: z.string().optional(),
  /** Only the records of this scope / channel; all of the contact's in the partnership when absent. */
  scope: z.enum(CONSENT_SCOPES).optional(),
  channel: z.enum(CONSENT_CHANNELS).optional(),
});
