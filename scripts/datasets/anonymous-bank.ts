// Converts the Technion "Anonymous Bank" January 1999 log (../shared/datasets) into inbound `call` records.
//
// Mapping (each row is one caller's visit):
// - PHANTOM rows are excluded (not real calls).
// - HANG rows never queued (q_start = 0:00:00) hung up in the voice menu: they never asked for an agent,
//   so they are not offered calls and are excluded.
// - HANG rows that queued are `abandoned`: started_at = date + q_start, ended_at = started_at + q_time.
// - AGENT rows are `connected`: queued ones start at q_start and reach the agent q_time seconds later;
//   never-queued ones start at ser_start and reach the agent at once. ended_at = connected_at + ser_time.
//   The log's q_exit and ser_start disagree by a second or two on a third of rows (two clocks), so the
//   durations q_time and ser_time are used, which keeps every record coherent. NO_SERVER → no agent.
// - call_id repeats across lines of the voice system: the id is `<vru+line>-<call_id>`, unique in the file.
// - Times are Israel local time in January (UTC+02:00, no DST then).
export interface BankConversion {
  records: Record<string, unknown>[];
  counts: { rows: number; phantom: number; vruOnly: number; connected: number; abandoned: number };
}

const seconds = (t: string) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

function instant(date: string, secondsOfDay: number): string {
  const ms = Date.UTC(2000 + Number(date.slice(0, 2)) - 100, Number(date.slice(2, 4)) - 1, Number(date.slice(4, 6))) + secondsOfDay * 1000 - 2 * 3_600_000;
  return new Date(ms).toISOString();
}

export function convertAnonymousBank(tsv: string, campaign: string): BankConversion {
  const lines = tsv.split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const [iLine, iId, iDate, iQStart, iQTime, iOutcome, iSerStart, iSerTime, iServer] =
    ['vru+line', 'call_id', 'date', 'q_start', 'q_time', 'outcome', 'ser_start', 'ser_time', 'server'].map(col) as number[];
  const counts = { rows: 0, phantom: 0, vruOnly: 0, connected: 0, abandoned: 0 };
  const records: Record<string, unknown>[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    counts.rows++;
    const outcome = f[iOutcome!]!;
    const queued = f[iQStart!] !== '0:00:00';
    if (outcome === 'PHANTOM') { counts.phantom++; continue; }
    if (outcome === 'HANG' && !queued) { counts.vruOnly++; continue; }
    const date = f[iDate!]!;
    const qTime = Number(f[iQTime!]);
    if (outcome === 'HANG') {
      const start = seconds(f[iQStart!]!);
      counts.abandoned++;
      records.push({ kind: 'call', id: `${f[iLine!]}-${f[iId!]}`, campaign, direction: 'inbound', started_at: instant(date, start),
        ended_at: instant(date, start + qTime), outcome: 'abandoned' });
      continue;
    }
    const start = queued ? seconds(f[iQStart!]!) : seconds(f[iSerStart!]!);
    const connect = start + (queued ? qTime : 0);
    const server = f[iServer!]!;
    counts.connected++;
    records.push({ kind: 'call', id: `${f[iLine!]}-${f[iId!]}`, campaign, direction: 'inbound', started_at: instant(date, start),
      connected_at: instant(date, connect), ended_at: instant(date, connect + Math.max(0, Number(f[iSerTime!]))),
      outcome: 'connected', ...(server === 'NO_SERVER' ? {} : { agent: server }) });
  }
  return { records, counts };
}
