// The header guess: French and English names, whatever their accents, case and punctuation.
import { describe, expect, it } from 'vitest';
import { guessCdrMapping } from '@/server/ingest/csv-cdr';
import { guessMapping } from '@/server/contacts/mapping';
import { guessColumns, headerKey } from './guess-columns';

describe('the header guess', () => {
  it('reads a name without accents, case, spaces or punctuation', () => {
    expect(['Téléphone', 'TELEPHONE', 'tele-phone', ' Télé phone '].map(headerKey)).toEqual(['telephone', 'telephone', 'telephone', 'telephone']);
  });

  it('takes the first column that matches, and leaves a field without one out', () => {
    expect(guessColumns(['Nom', 'Tél.', 'tel'], { phone: ['tel', 'telephone'], email: ['email'] })).toEqual({ phone: 'Tél.' });
  });

  it('maps a French contact file and a French CDR export', () => {
    expect(guessMapping(['Prénom', 'Nom', 'N° de téléphone', 'Téléphone', 'Courriel', 'Catégorie'])).toEqual({
      firstName: 'Prénom', lastName: 'Nom', phone: 'Téléphone', email: 'Courriel', segment: 'Catégorie',
    });
    expect(guessCdrMapping(['ID appel', 'Sens', 'Conseiller', 'Date début', 'Date fin', 'Résultat', 'Qualification'])).toEqual({
      id: 'ID appel', direction: 'Sens', agent: 'Conseiller', started_at: 'Date début', ended_at: 'Date fin', outcome: 'Résultat', disposition: 'Qualification',
    });
  });
});
