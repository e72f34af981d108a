// The number shown to the called person: valid E.164, in the inventory of the campaign's partnership (the
// outsourcer's own numbers, those it holds for this client, the client's), never a French mobile for automated
// campaigns (décret 2022-1313 / ARCEP numbering plan: +336 and +337 are mobile ranges).
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type CallerIdRule = 'caller_id_invalid' | 'caller_id_not_owned' | 'caller_id_mobile';
export type CallerIdVerdict = { allowed: true } | { allowed: false; rule: CallerIdRule; reason: string };

/** A valid E.164 number, written as E.164. */
export function isValidE164(number: string): boolean {
  const parsed = parsePhoneNumberFromString(number);
  return Boolean(parsed && parsed.isValid() && parsed.number === number);
}

/** French mobile ranges, refused as the number of an automated campaign. */
export const isFrenchMobile = (number: string): boolean => /^\+33[67]/.test(number);

export function checkCallerId(callerId: string, ownedNumbers: ReadonlySet<string>, automated: boolean): CallerIdVerdict {
  if (!isValidE164(callerId)) return { allowed: false, rule: 'caller_id_invalid', reason: `${callerId} is not a valid E.164 number` };
  if (!ownedNumbers.has(callerId)) return { allowed: false, rule: 'caller_id_not_owned', reason: `${callerId} is not a number of the organization` };
  if (automated && isFrenchMobile(callerId)) {
    return { allowed: false, rule: 'caller_id_mobile', reason: 'a French mobile number cannot present an automated campaign' };
  }
  return { allowed: true };
}
