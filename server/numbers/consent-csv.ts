// Pure: a campaign's consent records as CSV for an audit, for French Excel (`;`, formulas neutralised; the
// download adds the BOM), headers and values in the user's language, dates as the reader's locale writes them (UTC).
import type { ConsentRow } from '@/clickhouse/queries/numbers';
import { csvLine } from '@/server/csv/write';

const HEADERS = {
  fr: ['Numéro', 'Référence contact', 'Portée', 'Campagne', 'Canal', 'Source', 'Date du consentement', 'Expiration', 'Preuve', 'Retrait', 'État', 'Origine', 'Enregistré le'],
  en: ['Number', 'Contact reference', 'Scope', 'Campaign', 'Channel', 'Source', 'Consent date', 'Expiry', 'Proof', 'Withdrawal', 'State', 'Origin', 'Recorded at'],
};
const WORDS = {
  fr: { campaign: 'campagne', client: 'client', phone: 'téléphone', sms: 'SMS', email: 'e-mail', valid: 'valide', withdrawn: 'retiré', expired: 'expiré' },
  en: { campaign: 'campaign', client: 'client', phone: 'phone', sms: 'SMS', email: 'e-mail', valid: 'valid', withdrawn: 'withdrawn', expired: 'expired' },
};

export type CsvLocale = keyof typeof HEADERS;

function when(ms: number | null, locale: CsvLocale): string {
  if (ms === null) return '';
  const iso = new Date(ms).toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16)];
  const day = locale === 'fr' ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;
  return time === '00:00' ? day : `${day} ${time}`;
}

export function consentState(r: Pick<ConsentRow, 'withdrawn_at' | 'expires_at'>, now: number): 'valid' | 'withdrawn' | 'expired' {
  if (r.withdrawn_at !== null && r.withdrawn_at <= now) return 'withdrawn';
  if (r.expires_at !== null && r.expires_at <= now) return 'expired';
  return 'valid';
}

export function consentCsv(rows: readonly ConsentRow[], campaignCode: string, locale: CsvLocale, now: number): string {
  const w = WORDS[locale];
  return csvLine(HEADERS[locale]) + rows.map((r) => csvLine([
    r.phone_e164, r.contact_ref, w[r.scope], r.scope === 'campaign' ? campaignCode : '', w[r.channel], r.source, when(r.given_at, locale),
    when(r.expires_at, locale), r.proof_ref, when(r.withdrawn_at, locale), w[consentState(r, now)], r.origin, when(r.recorded_at, locale),
  ])).join('');
}
