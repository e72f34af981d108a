// Pure: one CSV row of CDRs, already mapped column → call field, into a `call` record checked by the
// same schema as the API. CSV exports carry local times and French formats, so those are read here.
import { TZDate } from '@date-fns/tz';
import { guessColumns } from '@/server/csv/guess-columns';
import { validateRecord } from './ndjson';
import type { IngestRecord, RecordIssue } from './schema';

export const CDR_FIELDS = [
  'id', 'direction', 'agent', 'contact', 'phone', 'started_at', 'answered_at', 'connected_at', 'ended_at',
  'hold_seconds', 'wrap_seconds', 'outcome', 'disposition', 'converted', 'case_id', 'resolved',
] as const;
export type CdrField = (typeof CDR_FIELDS)[number];
export const REQUIRED_CDR_FIELDS: CdrField[] = ['id', 'direction', 'started_at', 'ended_at', 'outcome'];

/** Common names of the columns in French and English platforms' exports. */
const CDR_COLUMN_NAMES: Record<CdrField, readonly string[]> = {
  id: ['id', 'call_id', 'appel', 'id_appel', 'uniqueid'], direction: ['direction', 'sens', 'type'],
  agent: ['agent', 'agent_id', 'conseiller', 'opérateur'], contact: ['contact', 'client', 'lead_id'], phone: ['phone', 'numéro', 'téléphone', 'number'],
  started_at: ['started_at', 'start', 'début', 'date_début', 'call_date'], answered_at: ['answered_at', 'décroché'],
  connected_at: ['connected_at', 'connect', 'prise_en_charge'], ended_at: ['ended_at', 'end', 'fin', 'date_fin'],
  hold_seconds: ['hold_seconds', 'hold', 'attente'], wrap_seconds: ['wrap_seconds', 'wrap', 'post_appel'],
  outcome: ['outcome', 'status', 'statut', 'résultat'], disposition: ['disposition', 'qualification'],
  converted: ['converted', 'vente', 'converti'], case_id: ['case_id', 'dossier', 'ticket'], resolved: ['resolved', 'résolu'],
};

/** A first guess of the mapping from the file's header. */
export function guessCdrMapping(header: readonly string[]): Partial<Record<CdrField, string>> {
  return guessColumns(header, CDR_COLUMN_NAMES);
}

const INSTANTS: CdrField[] = ['started_at', 'answered_at', 'connected_at', 'ended_at'];
const NUMBERS: CdrField[] = ['hold_seconds', 'wrap_seconds'];
const BOOLEANS: CdrField[] = ['converted', 'resolved'];

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const FRENCH_LOCAL = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A timestamp with an offset passes as is; a local one (ISO or dd/mm/yyyy) is read in `timeZone`. */
export function toInstant(text: string, timeZone: string): string {
  const iso = ISO_LOCAL.exec(text);
  const fr = iso ? null : FRENCH_LOCAL.exec(text);
  if (!iso && !fr) return text;
  const [y, mo, d, h, mi, s = '0', ms = '0'] = iso ? iso.slice(1) : [fr![3], fr![2], fr![1], fr![4], fr![5], fr![6]];
  const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')), timeZone);
  // TZDate rolls 31/02 over like Date does: a mismatch means the text was not a real date.
  if (date.getDate() !== Number(d) || date.getMonth() !== Number(mo) - 1) return text;
  return new Date(date.getTime()).toISOString();
}

function toBoolean(text: string): boolean | string {
  const t = text.toLowerCase();
  if (['true', '1', 'yes', 'oui', 'y', 'o'].includes(t)) return true;
  if (['false', '0', 'no', 'non', 'n'].includes(t)) return false;
  return text;
}

function toNumber(text: string): number | string {
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

export function cdrRecord(cells: Partial<Record<CdrField, string>>, campaign: string, timeZone: string): { record: IngestRecord } | { error: string; issue?: RecordIssue } {
  const value: Record<string, unknown> = { kind: 'call', campaign };
  for (const field of CDR_FIELDS) {
    const text = cells[field]?.trim();
    if (!text) continue;
    if (INSTANTS.includes(field)) value[field] = toInstant(text, timeZone);
    else if (NUMBERS.includes(field)) value[field] = toNumber(text);
    else if (BOOLEANS.includes(field)) value[field] = toBoolean(text);
    else value[field] = field === 'direction' || field === 'outcome' ? text.toLowerCase() : text;
  }
  return validateRecord(value);
}

export type MappingProblem = { kind: 'unmapped'; fields: CdrField[] } | { kind: 'noSuchColumn'; columns: string[] };

/** The mapping must name a column for every required field, and only columns the file has; the page words it. */
export function checkMapping(header: string[], mapping: Partial<Record<CdrField, string>>): MappingProblem | null {
  const missing = REQUIRED_CDR_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) return { kind: 'unmapped', fields: missing };
  const unknown = Object.entries(mapping).filter(([, col]) => col && !header.includes(col)).map(([, col]) => col!);
  if (unknown.length) return { kind: 'noSuchColumn', columns: unknown };
  return null;
}
