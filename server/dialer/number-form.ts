// The form check of a campaign's number, for the dialer page to flag a wrong entry as it is typed (the server
// checks it again with the settings schema); the pattern is the vocabulary's.
import { E164_PATTERN } from '@/clickhouse/vocabulary';

export function isE164(text: string): boolean {
  return E164_PATTERN.test(text);
}
