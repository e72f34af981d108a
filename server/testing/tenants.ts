// Integration-test helpers for tests outside server/ (which may not reach ClickHouse themselves): the demo
// outsourcer, and a second outsourcer to prove tenants are kept apart.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';

/** The id of the demo seed's outsourcer (CallPro). */
export async function demoOutsourcerId(ch: Clickhouse): Promise<string> {
  const callpro = (await tenancy.organizationsOfKind(ch, 'outsourcer')).find((o) => o.name === 'CallPro');
  if (!callpro) throw new Error('Seed the demo first: no CallPro');
  return callpro.id;
}

export async function addOutsourcer(ch: Clickhouse, id: string, name: string): Promise<void> {
  await tenancy.putOrganizations(ch, [{ id, name, kind: 'outsourcer' }]);
}
