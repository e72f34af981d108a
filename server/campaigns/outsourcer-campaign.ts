// An outsourcer's campaign by its code: how the public API names campaigns (the KPI query, provisioning).
import type { Clickhouse } from '@/clickhouse/client';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';

/** Read afresh, not from the ingest's short-lived map: provisioning decides create-or-update on it. */
export async function outsourcerCampaign(ch: Clickhouse, orgId: string, code: string): Promise<Campaign | undefined> {
  return (await campaignsOfOutsourcer(ch, orgId)).find((c) => c.code === code);
}
