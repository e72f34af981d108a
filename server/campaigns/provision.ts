// Creates or updates an outsourcer's campaign by its code: the public API's PUT /api/v1/campaigns/{code}. The body
// is checked with the portal's schema (settings.ts) and written by the portal's path (save.ts).
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy, type Partnership } from '@/clickhouse/queries/tenancy';
import type { Targets } from '@/clickhouse/queries/targets';
import { saveCampaign, type Writer } from './save';
import type { CampaignInput } from './settings';

export { campaignCode, campaignInput, type CampaignInput } from './settings';

/** The API's target names, as the store's. Absent: unchanged; null: no target. */
export function targetsOfInput(input: CampaignInput): Partial<Targets> {
  return {
    target_service_level: input.target_service_level,
    target_sal: input.sal_target,
    target_sal_hours: input.sal_target_hours,
    target_conversion_rate: input.target_conversion_rate,
    target_aht_seconds: input.target_aht_seconds,
    target_nps: input.target_nps,
    target_abandon_rate: input.target_abandon_rate,
  };
}

export async function provisionCampaign(ch: Clickhouse, outsourcerOrgId: string, code: string, input: CampaignInput, writer: Writer) {
  const partnership = await partnershipWithClient(ch, outsourcerOrgId, input.client);
  return saveCampaign(ch, writer, { outsourcerOrgId, partnership, code, settings: input, mode: 'put', targets: targetsOfInput(input) });
}

async function partnershipWithClient(ch: Clickhouse, outsourcerOrgId: string, clientName: string): Promise<Partnership> {
  const partnerships = (await tenancy.partnershipsOfOrg(ch, outsourcerOrgId)).filter((p) => p.outsourcer_org_id === outsourcerOrgId);
  const clients = partnerships.length ? await tenancy.organizationsByIds(ch, partnerships.map((p) => p.client_org_id)) : [];
  const client = clients.find((o) => o.name.toLowerCase() === clientName.toLowerCase());
  if (client) return partnerships.find((p) => p.client_org_id === client.id)!;
  const outsourcer = (await tenancy.organization(ch, outsourcerOrgId))!;
  const org = { id: randomUUID(), name: clientName, kind: 'client' as const };
  const partnership = { id: randomUUID(), outsourcer_org_id: outsourcerOrgId, client_org_id: org.id, name: `${outsourcer.name} × ${clientName}` };
  await tenancy.putPartnerships(ch, [partnership]);
  await tenancy.putOrganizations(ch, [org]);
  return partnership;
}
