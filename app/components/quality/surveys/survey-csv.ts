// Pure: the survey inbox's export for French Excel (`;`, French dates, UTF-8 BOM added by downloadText).
import { csvLine } from '@/server/csv/write';

export interface CsvAnswer {
  answered_at: number;
  campaign: string;
  agent: string;
  call_id: string;
  score: number;
  resolved: string;
  comment: string;
  source: string;
  status: string;
  owner: string;
  note: string;
}

export function surveyCsv(header: readonly string[], rows: readonly CsvAnswer[], timeZone = 'Europe/Paris'): string {
  const date = new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return [
    csvLine(header),
    ...rows.map((r) => csvLine([date.format(r.answered_at), r.campaign, r.agent, r.call_id, r.score, r.resolved, r.comment, r.source, r.status, r.owner, r.note])),
  ].join('');
}
