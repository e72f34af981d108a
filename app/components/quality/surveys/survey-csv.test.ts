import { describe, expect, it } from 'vitest';
import { surveyCsv } from './survey-csv';

describe('the survey export', () => {
  it('is for French Excel: semicolons, French dates, quoted verbatims, formulas neutralized', () => {
    const csv = surveyCsv(['Date', 'Campagne', 'Agent', 'Appel', 'Note', 'Résolu', 'Verbatim', 'Source', 'Suivi', 'Responsable', 'Note'], [{
      answered_at: Date.UTC(2026, 2, 2, 10, 30), campaign: 'ACME-IN', agent: 'A1', call_id: 'c-1', score: 3, resolved: 'Non',
      comment: 'Trop long; vraiment\n=SOMME(A1)', source: 'Enquête Relais', status: 'Nouveau', owner: '', note: '',
    }]);
    const [head, line] = csv.split('\r\n');
    expect(head).toBe('Date;Campagne;Agent;Appel;Note;Résolu;Verbatim;Source;Suivi;Responsable;Note');
    expect(line).toBe('02/03/2026 11:30;ACME-IN;A1;c-1;3;Non;"Trop long; vraiment\n=SOMME(A1)";Enquête Relais;Nouveau;;');
    expect(surveyCsv(['x'], [{ answered_at: 0, campaign: '=1+1', agent: '', call_id: '', score: 0, resolved: '', comment: '', source: '', status: '', owner: '', note: '' }])).toContain("\r\n01/01/1970 01:00;'=1+1;");
  });
});
