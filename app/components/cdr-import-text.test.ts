import { describe, expect, it } from 'vitest';
import { translate, type Locale, type MessageKey } from '@/app/i18n/messages';
import { cdrRecord } from '@/server/ingest/csv-cdr';
import { countText, fieldLabel, issueText, rejectedRowsCsv } from './cdr-import-text';

const tr = (locale: Locale) => (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);
const GOOD = { id: 'c1', direction: 'inbound', started_at: '02/03/2026 09:00:00', connected_at: '02/03/2026 09:00:10', ended_at: '02/03/2026 09:05:00', outcome: 'connected' };

/** A row's problem as the page shows it. */
function rowText(locale: Locale, cells: Record<string, string>): string {
  const result = cdrRecord(cells, 'ACME-IN', 'Europe/Paris');
  if (!('error' in result)) throw new Error('expected a rejection');
  return issueText(tr(locale), result.issue, result.error);
}

describe('CDR import texts', () => {
  it('words an unknown outcome in French with the allowed values in words, never zod’s dump', () => {
    const text = rowText('fr', { ...GOOD, outcome: 'xyz' });
    expect(text).toBe('Statut : valeur « xyz » inconnue ; attendu : mis en relation, pas de réponse, occupé, échec, messagerie, abandonné, refusé (conformité).');
    expect(text).not.toMatch(/Invalid option|outcome/);
  });

  it('words an unknown direction in English for English', () => {
    expect(rowText('en', { ...GOOD, direction: 'sideways' })).toBe('Direction: unknown value “sideways”; expected: inbound, outbound.');
  });

  it('words the cross-field rules and missing values with the fields’ labels', () => {
    expect(rowText('fr', { ...GOOD, ended_at: '02/03/2026 08:00:00' })).toBe('Fin : la fin ne peut pas précéder le début.');
    expect(rowText('en', { ...GOOD, connected_at: '' })).toBe('Connected: required when the outcome is “connected”.');
    expect(rowText('fr', { ...GOOD, id: '' })).toBe('Identifiant d’appel : valeur manquante.');
    expect(rowText('fr', { ...GOOD, started_at: 'hier' })).toBe('Début : valeur « hier » non valide.');
  });

  it('keeps the server’s words for a problem that comes without issue data', () => {
    expect(issueText(tr('fr'), undefined, 'campaign: unknown campaign code "X"')).toBe('campaign: unknown campaign code "X"');
  });

  it('names fields by label, not code name', () => {
    expect(fieldLabel(tr('fr'), 'hold_seconds')).toBe('Attente (s)');
    expect(fieldLabel(tr('en'), 'ended_at')).toBe('End');
  });

  it('uses the language’s plural rule', () => {
    expect(countText('fr', tr('fr'), 'rowCount', 1)).toBe('1 ligne');
    expect(countText('fr', tr('fr'), 'rowCount', 2)).toBe('2 lignes');
    // Thousands grouped as the language groups them (a narrow no-break space in French).
    expect(countText('fr', tr('fr'), 'rowCount', 4500)).toBe('4\u202f500 lignes');
    expect(countText('en', tr('en'), 'start', 4500)).toBe('Import 4,500 rows');
    expect(countText('en', tr('en'), 'columnCount', 1)).toBe('1 column');
    expect(countText('en', tr('en'), 'columnCount', 0)).toBe('0 columns');
    expect(countText('fr', tr('fr'), 'start', 1)).toBe('Importer 1 ligne');
    expect(countText('en', tr('en'), 'preview', 1)).toBe('Preview of the first row');
    expect(translate('fr', 'import.rows', { rows: countText('fr', tr('fr'), 'rowCount', 1), columns: countText('fr', tr('fr'), 'columnCount', 4) })).toBe('1 ligne, 4 colonnes');
  });

  it('writes the rejected rows with the upload’s delimiter and the error in the reader’s words', () => {
    const bad = cdrRecord({ ...GOOD, outcome: 'xyz' }, 'ACME-IN', 'Europe/Paris');
    if (!('error' in bad)) throw new Error('expected a rejection');
    const table = { header: ['ID', 'Statut'], rows: [['c0', 'connected'], ['c1', 'xyz']], delimiter: ',' };
    const csv = rejectedRowsCsv(tr('fr'), table, [{ line: 3, ...bad }]);
    expect(csv.split('\r\n')[0]).toBe('Ligne,Erreur,ID,Statut');
    expect(csv.split('\r\n')[1]).toMatch(/^3,"?Statut : valeur « xyz » inconnue ; attendu : mis en relation, pas de réponse.*,c1,xyz$/);
    expect(csv).not.toContain('\uFEFF');
  });
});
