// The number shown to the called person: valid E.164, owned by the organization, never a French mobile for
// automated campaigns (décret 2022-1313 / ARCEP numbering plan: +336 and +337 are mobile ranges).
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type CallerIdVerdict = { allowed: true } | { allowed: false; rule: 'caller_id_invalid'; reason: string };

export function checkCallerId(callerId: string, ownedNumbers: ReadonlySet<string>, automated: boolean): CallerIdVerdict {
  const parsed = parsePhoneNumberFromString(callerId);
  if (!parsed || !parsed.isValid() || parsed.number !== callerId) {
    return { allowed: false, rule: 'caller_id_invalid', reason: `${callerId} is not a valid E.164 number` };
  }
  if (!ownedNumbers.has(callerId)) return { allowed: false, rule: 'caller_id_invalid', reason: `${callerId} is not a number of the organization` };
  if (automated && /^\+33[67]/.test(callerId)) {
    return { allowed: false, rule: 'caller_id_invalid', reason: 'a French mobile number cannot present an automated campaign' };
  }
  return { allowed: true };
}
