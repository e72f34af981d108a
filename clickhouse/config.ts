// Where ClickHouse lives: embedded chDB under the data dir by default, a server when a URL is given (the start-up
// environment's CLICKHOUSE_URL, validated in server/startup/env.ts).
import path from 'node:path';

export type ClickhouseTarget =
  | { kind: 'embedded'; path: string }
  | { kind: 'server'; url: string; username?: string; password?: string; database?: string };

export interface ClickhouseSettings { dataDir: string; url?: string; username?: string; password?: string; database?: string }

export function clickhouseTarget(s: ClickhouseSettings): ClickhouseTarget {
  if (s.url) return { kind: 'server', url: s.url, username: s.username, password: s.password, database: s.database };
  return { kind: 'embedded', path: path.join(s.dataDir, 'clickhouse') };
}
