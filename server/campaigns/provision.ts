// Creates or updates an outsourcer's campaign by its code: the public API's PUT /api/v1/campaigns/{code}.
import { DIRECTIONS } from '@/clickhouse/vocabulary';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { outsourcerCampaign } from './outsourcer-campaign';

const fraction = z.number().min(0).max(1);

export const campaignCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (at most 64)');

export const campaignInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** The client organization, by name: found among the outsourcer's partnerships, else created with one. */
  client: z.string().trim().min(1).max(200),
  direction: z.enum(DIRECTIONS),
  dial_mode: z.enum(['none', 'preview', 'progressive', 'predictive', 'blended']).optional(),
  status: z.enum(['draft', 'active', 'paused', 'stopped']).optional(),
  time_zone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone').default('Europe/Paris'),
  success_dispositions: z.array(z.string().min(1).max(64)).max(100).default([]),
  sl_threshold_seconds: z.number().int().min(1).max(3600).default(20),
  short_abandon_seconds: z.number().int().min(0).max(600).default(5),
  target_service_level: fraction.nullable().optional(),
  sal_target: fraction.nullable().optional(),
  sal_target_hours: z.number().positive().max(24 * 31).nullable().optional(),
  target_conversion_rate: fraction.nullable().optional(),
  target_aht_seconds: z.number().positive().nullable().optional(),
  target_nps: z.number().min(-100).max(100).nullable().optional(),
});

export type CampaignInput = z.infer<typeof campaignInput>;

export async function provisionCampaign(ch: Clickhouse, outsourcerOrgId: string, code: string, input: CampaignInput) {
  const existing = await outsourcerCampaign(ch, outsourcerOrgId, code);
  const partnershipId = await partnershipWithClient(ch, outsourcerOrgId, input.client);
  const campaign: Campaign = {
    id: existing?.id ?? randomUUID(),
    code,
    partnership_id: partnershipId,
    name: input.name,
    direction: input.direction,
    dial_mode: input.dial_mode ?? existing?.dial_mode ?? (input.direction === 'inbound' ? 'none' : 'progressive'),
    status: input.status ?? existing?.status ?? 'active',
    time_zone: input.time_zone,
    sl_threshold_seconds: input.sl_threshold_seconds,
    short_abandon_seconds: input.short_abandon_seconds,
    success_dispositions: input.success_dispositions,
    target_service_level: input.target_service_level ?? null,
    target_sal: input.sal_target ?? null,
    target_sal_hours: input.sal_target_hours ?? null,
    target_conversion_rate: input.target_conversion_rate ?? null,
    target_aht_seconds: input.target_aht_seconds ?? null,
    target_nps: input.target_nps ?? null,
  };
  await tenancy.putCampaigns(ch, [campaign]);
  return { campaign, created: !existing };
}

async function partnershipWithClient(ch: Clickhouse, outsourcerOrgId: string, clientName: string): Promise<string> {
  const partnerships = (await tenancy.partnershipsOfOrg(ch, outsourcerOrgId)).filter((p) => p.outsourcer_org_id === outsourcerOrgId);
  const clients = partnerships.length ? await tenancy.organizationsByIds(ch, partnerships.map((p) => p.client_org_id)) : [];
  const client = clients.find((o) => o.name.toLowerCase() === clientName.toLowerCase());
  if (client) return partnerships.find((p) => p.client_org_id === client.id)!.id;
  const outsourcer = (await tenancy.organization(ch, outsourcerOrgId))!;
  const org = { id: randomUUID(), name: clientName, kind: 'client' as const };
  const partnership = { id: randomUUID(), outsourcer_org_id: outsourcerOrgId, client_org_id: org.id, name: `${outsourcer.name} × ${clientName}` };
  await tenancy.putPartnerships(ch, [partnership]);
  await tenancy.putOrganizations(ch, [org]);
  return partnership.id;
}
