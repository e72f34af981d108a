import { describe, expect, it } from 'vitest';
import { AGENT_COLUMNS, kpiCsv, REPORT_COLUMNS } from './csv';

describe('kpiCsv', () => {
  it('writes a header, raw values, and empty cells for KPIs without data (English: `,` and a decimal point)', () => {
    const csv = kpiCsv('day', [
      { label: '2026-03-02', values: { offered: 120, service_level: 0.8333333333, nps: null } },
      { label: 'Total, "all"', values: { offered: 240, service_level: 0.5 } },
    ], ['offered', 'service_level', 'nps'], { locale: 'en' });
    expect(csv).toBe('day,offered,service_level,nps\r\n2026-03-02,120,0.833333,\r\n"Total, ""all""",240,0.5,\r\n');
  });

  it('writes French Excel’s CSV in French: `;`, a decimal comma, the headers in French', () => {
    const header = (c: string) => ({ offered: 'Appels présentés', service_level: 'Niveau de service' } as Record<string, string>)[c] ?? c;
    const csv = kpiCsv('Jour', [
      { label: '2026-03-02', values: { offered: 120, service_level: 0.8333333333, aht_seconds: 312.5, nps: -12 } },
      { label: 'Total; tout', values: { offered: 240, service_level: 0.5 } },
    ], ['offered', 'service_level', 'aht_seconds', 'nps'], { locale: 'fr', header });
    expect(csv).toBe('Jour;Appels présentés;Niveau de service;aht_seconds;nps\r\n2026-03-02;120;0,833333;312,5;-12\r\n"Total; tout";240;0,5;;\r\n');
  });

  it('writes an agent name a spreadsheet would run as text, and negative figures as numbers', () => {
    const csv = kpiCsv('agent', [{ label: '=HYPERLINK("http://x.test","A1")', values: { offered: -1 } }], ['offered'], { locale: 'en' });
    expect(csv).toBe(`agent,offered\r\n"'=HYPERLINK(""http://x.test"",""A1"")",-1\r\n`);
  });

  it('leaves the queue’s and the list’s measures out of the agent comparison: no caller waiting or dropped reached an agent', () => {
    const campaignOnly = ['sal', 'sal_attempted', 'sal_contacts', 'sal_window_hours', 'service_level', 'asa_seconds', 'abandoned', 'abandon_rate', 'outbound_abandon_rate', 'contact_rate'];
    expect(REPORT_COLUMNS).toEqual(expect.arrayContaining(campaignOnly));
    expect(AGENT_COLUMNS.filter((c) => campaignOnly.includes(c))).toEqual([]);
    // Every other report column is one of the agent's, in the report's words.
    expect(REPORT_COLUMNS.filter((c) => !campaignOnly.includes(c)).sort()).toEqual([...AGENT_COLUMNS].sort());
  });
});
