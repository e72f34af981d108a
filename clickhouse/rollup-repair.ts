// After a crash: the rollups made whole again from `calls`. An insert into `calls` commits the table's part first,
// then its materialized views write the rollups' parts; a process killed in between leaves the rows in `calls`
// and not in the rollups, and re-sending them cannot mend it (their cancel rows take out of the rollups what never
// went in). So start-up after an unclean stop compares each month of each rollup with `calls` (a scan of the
// raw table: about a tenth of a second a million calls) and rebuilds the months that differ with the views' own
// SELECT, read from the engine so the sums stay defined in one place (the migrations).
import type { Clickhouse } from './client';

const ROLLUPS = [
  { table: 'calls_by_minute', view: 'calls_by_minute_mv', bucket: 'minute' },
  { table: 'calls_by_hour', view: 'calls_by_hour_mv', bucket: 'hour' },
] as const;

/** Per month (YYYYMM), sums that any missing or extra row changes. */
type Fingerprints = Map<number, string>;

async function fingerprints(ch: Clickhouse, query: string): Promise<Fingerprints> {
  const rs = await ch.query({ query, format: 'JSONCompactEachRow' });
  return new Map((await rs.json<[number, string]>()).map(([month, print]) => [Number(month), print]));
}

const RAW = `SELECT toYYYYMM(started_at) AS m,
  concat(toString(sum(sign)), '/', toString(sumIf(sign, connected_at IS NOT NULL)), '/', toString(round(sum(sign * talk_seconds), 3)),
         '/', toString(sumIf(sign, outcome = 'abandoned')), '/', toString(round(sumIf(sign * queue_seconds, direction = 'inbound' AND connected_at IS NOT NULL), 3)))
  FROM calls GROUP BY m`;

const rollupPrints = (table: string, bucket: string) => `SELECT toYYYYMM(${bucket}) AS m,
  concat(toString(sum(calls)), '/', toString(sum(connected)), '/', toString(round(sum(talk_seconds), 3)),
         '/', toString(sum(abandoned)), '/', toString(round(sum(connected_queue_seconds), 3)))
  FROM ${table} GROUP BY m`;

/** The view's SELECT over one month of `calls` only. */
async function monthSelect(ch: Clickhouse, view: string, month: number): Promise<string> {
  const rs = await ch.query({ query: 'SELECT as_select FROM system.tables WHERE database = currentDatabase() AND name = {view:String}', query_params: { view }, format: 'JSONEachRow' });
  const [row] = await rs.json<{ as_select: string }>();
  const from = /\bFROM\s+(?:`?\w+`?\.)?`?calls`?(?=\s|$)/;
  if (!row || !from.test(row.as_select)) throw new Error(`Cannot read the SELECT of ${view} to rebuild it`);
  return row.as_select.replace(from, `FROM (SELECT * FROM calls WHERE toYYYYMM(started_at) = ${Math.trunc(month)}) AS calls`);
}

export interface RebuiltMonth {
  table: string;
  month: number;
}

/** Compares every month of each rollup with `calls` and rebuilds those that differ; returns them. */
export async function repairRollups(ch: Clickhouse): Promise<RebuiltMonth[]> {
  const raw = await fingerprints(ch, RAW);
  const rebuilt: RebuiltMonth[] = [];
  for (const { table, view, bucket } of ROLLUPS) {
    const rolled = await fingerprints(ch, rollupPrints(table, bucket));
    const months = [...new Set([...raw.keys(), ...rolled.keys()])].filter((m) => raw.get(m) !== rolled.get(m)).sort();
    for (const month of months) {
      // Nothing else writes meanwhile: start-up repairs before the portal or the dialer serve anything.
      await ch.command({ query: `ALTER TABLE ${table} DROP PARTITION ${Math.trunc(month)}` });
      if (raw.has(month)) await ch.command({ query: `INSERT INTO ${table} ${await monthSelect(ch, view, month)}` });
      rebuilt.push({ table, month });
    }
  }
  return rebuilt;
}
