// The one way queries read rows: parameters bound by ClickHouse ({name:Type}), never spliced into SQL.
import type { Clickhouse } from '../client';

export async function selectRows<T>(ch: Clickhouse, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rs = await ch.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

export async function insertRows(ch: Clickhouse, table: string, values: object[]): Promise<void> {
  if (values.length) await ch.insert({ table, values, format: 'JSONEachRow' });
}
