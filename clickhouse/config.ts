// Where ClickHouse lives: embedded chDB under the data dir by default, a server when CLICKHOUSE_URL is set.
import path from 'node:path';

export type ClickhouseTarget =
  | { kind: 'embedded'; path: string }
  | { kind: 'server'; url: string; username?: string; password?: string; database?: string };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  // The data dir is chosen at run time; tell Turbopack not to trace it into the build.
  return path.resolve(/* turbopackIgnore: true */ env.RELAIS_DATA_DIR || './data');
}

export function clickhouseTarget(env: NodeJS.ProcessEnv = process.env): ClickhouseTarget {
  if (env.CLICKHOUSE_URL) {
    return {
      kind: 'server',
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
      database: env.CLICKHOUSE_DB,
    };
  }
  return { kind: 'embedded', path: path.join(dataDir(env), 'clickhouse') };
}
