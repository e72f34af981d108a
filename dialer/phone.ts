// Phone numbers to E.164 with libphonenumber-js (full metadata, so validity and line type are exact): contact files,
// opt-out lists and the numbers customers call from. French habits are covered by it: 06 12…, +33 6…, 0033…, 33…, (0)6…,
// and 612345678 when a spreadsheet dropped the leading zero.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string; country: string; type: string; normalised: boolean }
  | { ok: false; error: 'missing_phone' | 'invalid_phone' };

export function normalisePhone(raw: string, defaultCountry: CountryCode): PhoneResult {
  const text = raw.trim();
  if (!text) return { ok: false, error: 'missing_phone' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, error: 'invalid_phone' };
  return { ok: true, e164: parsed.number, country: parsed.country ?? '', type: parsed.getType() ?? '', normalised: text !== parsed.number };
}
