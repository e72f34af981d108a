// How the columns of a contact file map onto a contact, checked against the file's header.
import { z } from 'zod';
import { guessColumns } from '@/server/csv/guess-columns';

export const columnMapping = z.object({
  phone: z.string().min(1, 'Choose the phone column'),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  fullName: z.string().optional(),
  email: z.string().optional(),
  date: z.string().optional(),
  dateFormat: z.enum(['auto', 'dd/MM/yyyy', 'yyyy-MM-dd', 'MM/dd/yyyy']).default('auto'),
  segment: z.string().optional(),
  /** Consent to canvassing (PRODUCT §5): a row with a consent date gets a consent record, checked line by line. */
  consentDate: z.string().optional(),
  consentSource: z.string().optional(),
  consentScope: z.string().optional(),
  consentChannel: z.string().optional(),
  consentProof: z.string().optional(),
  consentExpiry: z.string().optional(),
  custom: z.array(z.string()).max(50).default([]),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

export const CONSENT_COLUMNS = ['consentDate', 'consentSource', 'consentScope', 'consentChannel', 'consentProof', 'consentExpiry'] as const;
type ConsentColumn = (typeof CONSENT_COLUMNS)[number];

export type ColumnIndexes = { [K in 'phone' | 'firstName' | 'lastName' | 'fullName' | 'email' | 'date' | 'segment' | ConsentColumn]: number } & { custom: [string, number][] };

/** Column positions for the mapping; throws naming the first column the file does not have. */
export function resolveMapping(headers: string[], mapping: ColumnMapping): ColumnIndexes {
  const at = (name: string | undefined): number => {
    if (!name) return -1;
    const i = headers.indexOf(name);
    if (i < 0) throw new Error(`The file has no column "${name}" (columns: ${headers.join(', ')})`);
    return i;
  };
  return {
    phone: at(mapping.phone), firstName: at(mapping.firstName), lastName: at(mapping.lastName), fullName: at(mapping.fullName),
    email: at(mapping.email), date: at(mapping.date), segment: at(mapping.segment),
    consentDate: at(mapping.consentDate), consentSource: at(mapping.consentSource), consentScope: at(mapping.consentScope),
    consentChannel: at(mapping.consentChannel), consentProof: at(mapping.consentProof), consentExpiry: at(mapping.consentExpiry),
    custom: mapping.custom.map((name) => [name, at(name)]),
  };
}

/** Common French and English names of a contact file's columns. */
const CONTACT_COLUMN_NAMES = {
  phone: ['téléphone', 'tél', 'phone', 'mobile', 'portable', 'numéro', 'phone number', 'gsm'],
  firstName: ['prénom', 'first name', 'given name'],
  lastName: ['nom', 'last name', 'surname', 'nom de famille'],
  fullName: ['nom complet', 'full name', 'name', 'contact'],
  email: ['email', 'mail', 'courriel', 'adresse mail'],
  date: ['date', 'date création', 'date inscription', 'created at', 'date collecte', 'opt-in date'],
  segment: ['segment', 'cible', 'catégorie', 'category', 'région'],
  consentDate: ['date consentement', 'date du consentement', 'consent date', 'consentement le', 'date opt-in consentement'],
  consentSource: ['source consentement', 'source du consentement', 'consent source'],
  consentScope: ['portée consentement', 'portée du consentement', 'consent scope'],
  consentChannel: ['canal consentement', 'consent channel'],
  consentProof: ['preuve consentement', 'preuve du consentement', 'consent proof'],
  consentExpiry: ['expiration consentement', 'consent expiry', 'fin consentement'],
};

/** A first guess of the mapping from the file's header. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
  return guessColumns(headers, CONTACT_COLUMN_NAMES);
}
