// How the columns of a contact file map onto a contact, checked against the file's header.
import { z } from 'zod';

export const columnMapping = z.object({
  phone: z.string().min(1, 'Choose the phone column'),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  fullName: z.string().optional(),
  email: z.string().optional(),
  date: z.string().optional(),
  dateFormat: z.enum(['auto', 'dd/MM/yyyy', 'yyyy-MM-dd', 'MM/dd/yyyy']).default('auto'),
  segment: z.string().optional(),
  custom: z.array(z.string()).max(50).default([]),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

export type ColumnIndexes = { [K in 'phone' | 'firstName' | 'lastName' | 'fullName' | 'email' | 'date' | 'segment']: number } & { custom: [string, number][] };

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
    custom: mapping.custom.map((name) => [name, at(name)]),
  };
}

/** A first guess from common French and English column names. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
  const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const find = (...names: string[]) => headers.find((h) => names.includes(norm(h)));
  return {
    phone: find('telephone', 'tel', 'phone', 'mobile', 'portable', 'numero', 'phonenumber', 'gsm'),
    firstName: find('prenom', 'firstname', 'givenname'),
    lastName: find('nom', 'lastname', 'surname', 'nomdefamille'),
    fullName: find('nomcomplet', 'fullname', 'name', 'contact'),
    email: find('email', 'mail', 'courriel', 'adressemail'),
    date: find('date', 'datecreation', 'dateinscription', 'createdat', 'datecollecte', 'optindate'),
    segment: find('segment', 'cible', 'categorie', 'category', 'region'),
  };
}
