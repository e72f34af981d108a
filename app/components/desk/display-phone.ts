// A number as an agent reads it aloud: national format for French numbers, international otherwise. Pure.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function displayPhone(e164: string): string {
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  return n.country === 'FR' ? n.formatNational() : n.formatInternational();
}
