// The one check of a campaign's caller ID as typed (pure, shared by the portal's form and the public PUT): a valid
// E.164 number, never a French mobile (+336, +337) on an automated campaign. The number inventory (who owns the
// number) extends this: `callerIdProblem` is where a number outside the partnership's inventory is refused, and
// dialer/settings-store.ts `saveSettingsChange` keeps refusing a number another client's campaign already has.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { E164_PATTERN } from '@/clickhouse/vocabulary';

export type CallerIdProblem = 'callerIdFormat' | 'callerIdMobile';

export const CALLER_ID_ENGLISH: Record<CallerIdProblem, string> = {
  callerIdFormat: 'must be an E.164 number (+ and 6 to 15 digits)',
  callerIdMobile: 'a French mobile number (+336, +337) cannot present an automated campaign',
};

/** What is wrong with `number` as the caller ID of a campaign (automated: outbound, not preview), or null. */
export function callerIdProblem(number: string, automated: boolean): CallerIdProblem | null {
  const parsed = parsePhoneNumberFromString(number);
  if (!E164_PATTERN.test(number) || !parsed || !parsed.isValid() || parsed.number !== number) return 'callerIdFormat';
  if (automated && /^\+33[67]/.test(number)) return 'callerIdMobile';
  return null;
}
