// Demo tenants for a first start: CallPro (outsourcer) with clients Acme Energie and Banque Horizon.
import { DEMO_CATALOGUES } from './demo-catalogues';
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { peopleSql } from '@/clickhouse/queries/people';
import { NO_TARGETS, targetsSql, type Targets } from '@/clickhouse/queries/targets';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { tenancy, type Campaign, type User } from '@/clickhouse/queries/tenancy';
import type { Role } from '@/clickhouse/vocabulary';
import { DEFAULT_SETTINGS } from '@/dialer/runner/settings';
import { hashPassword } from '@/server/auth/password';

export const DEMO_PASSWORD = 'relais-demo';

/**
 * The demo's agents, six for each client: agents 1–2 (Acme) and 3–4 (Horizon) hold the lines from opening to closing;
 * 5–8 (Acme) and 9–12 (Horizon) are the day team, whose shifts today end before the demo starts
 * (server/seed/demo-activity.ts).
 */
export const DEMO_AGENTS: { n: number; client: 'ACME' | 'HORIZON' }[] = [
  ...[1, 2, 5, 6, 7, 8].map((n) => ({ n, client: 'ACME' as const })),
  ...[3, 4, 9, 10, 11, 12].map((n) => ({ n, client: 'HORIZON' as const })),
].sort((a, b) => a.n - b.n);

/**
 * The agents `npm run start:sip` gives a robot phone (auto-answering, logged into the dialer): the demo's agents at
 * work at its start, A1–A4. The day team (A5–A12) has gone home by then: history, no phone. Only these codes, so an
 * agent created later signs in at the desk like a real one.
 */
export const DEMO_ROBOT_AGENTS: readonly string[] = ['A1', 'A2', 'A3', 'A4'];

export interface DemoAccount {
  email: string;
  role: Role;
  organization: string;
}

const campaignDefaults = {
  status: 'active' as const,
  time_zone: 'Europe/Paris',
  sl_threshold_seconds: 20,
  short_abandon_seconds: 5,
  dispositions: '',
  recording: 1,
  script: '',
};
/** Every campaign's targets: AHT 5 min, NPS 30, and each one's own below (revision 1 of the brief's targets). */
const targetDefaults = { ...NO_TARGETS, target_aht_seconds: 300, target_nps: 30 };
const demoTargets: Record<string, Partial<Targets>> = {
  'ACME-IN': { target_service_level: 0.8, target_abandon_rate: 0.05 },
  'ACME-OUT': { target_sal: 0.75, target_sal_hours: 8, target_conversion_rate: 0.12 },
  'HORIZON-IN': { target_service_level: 0.85, target_abandon_rate: 0.05 },
  'HORIZON-OUT': { target_sal: 0.75, target_sal_hours: 8, target_conversion_rate: 0.08 },
};

/** Seeds only an empty store; returns the accounts created (empty when nothing was done). */
export async function seedDemo(ch: Clickhouse): Promise<DemoAccount[]> {
  if ((await tenancy.countOrganizations(ch)) > 0) return [];
  const callpro = { id: randomUUID(), name: 'CallPro', kind: 'outsourcer' as const };
  const acme = { id: randomUUID(), name: 'Acme Energie', kind: 'client' as const };
  const horizon = { id: randomUUID(), name: 'Banque Horizon', kind: 'client' as const };
  const pAcme = { id: randomUUID(), outsourcer_org_id: callpro.id, client_org_id: acme.id, name: 'CallPro × Acme Energie' };
  const pHorizon = { id: randomUUID(), outsourcer_org_id: callpro.id, client_org_id: horizon.id, name: 'CallPro × Banque Horizon' };

  const campaigns: Campaign[] = ([
    { ...campaignDefaults, id: randomUUID(), code: 'ACME-IN', partnership_id: pAcme.id, name: 'Acme — Service client',
      direction: 'inbound', dial_mode: 'none' },
    { ...campaignDefaults, id: randomUUID(), code: 'ACME-OUT', partnership_id: pAcme.id, name: 'Acme — Offre verte',
      direction: 'outbound', dial_mode: 'predictive' },
    { ...campaignDefaults, id: randomUUID(), code: 'HORIZON-IN', partnership_id: pHorizon.id, name: 'Horizon — Assistance cartes',
      direction: 'inbound', dial_mode: 'none' },
    { ...campaignDefaults, id: randomUUID(), code: 'HORIZON-OUT', partnership_id: pHorizon.id, name: 'Horizon — Crédit conso',
      direction: 'outbound', dial_mode: 'progressive' },
  ] as Omit<Campaign, 'success_dispositions'>[]).map((c) => {
    const { dispositions, script } = DEMO_CATALOGUES[c.code]!;
    // As saving a campaign does (server/campaigns/save.ts): the success codes are the catalogue's, never set apart.
    return { ...c, dispositions: JSON.stringify(dispositions), script, success_dispositions: dispositions.filter((d) => d.success).map((d) => d.code) };
  });

  const hash = await hashPassword(DEMO_PASSWORD);
  const person = (email: string, name: string, role: Role, orgId: string, extra: Partial<User> = {}): User => ({
    id: randomUUID(), email, name, password_hash: hash, role, org_id: orgId, agent_code: '', team: '', ...extra,
  });
  const agents = DEMO_AGENTS.map(({ n, client }) =>
    person(`agent${n}@callpro.test`, `Agent ${n}`, 'agent', callpro.id, { agent_code: `A${n}`, team: client === 'ACME' ? 'Équipe Énergie' : 'Équipe Banque' }),
  );
  const users = [
    person('admin@callpro.test', 'Camille Admin', 'admin', callpro.id),
    person('manager@callpro.test', 'Marc Manager', 'manager', callpro.id),
    person('quality@callpro.test', 'Quentin Qualité', 'quality', callpro.id),
    ...agents,
    person('client@acme.test', 'Claire Acme', 'client', acme.id),
    person('client@horizon.test', 'Hugo Horizon', 'client', horizon.id),
  ];
  // Each agent works both campaigns of its client.
  const assignments = agents.flatMap((a, i) =>
    campaigns.filter((c) => c.partnership_id === (DEMO_AGENTS[i]!.client === 'ACME' ? pAcme.id : pHorizon.id)).map((c) => ({ campaign_id: c.id, user_id: a.id })),
  );

  // Each campaign its own number (Paris range): the inbound lines open, the outbound campaigns stopped.
  const numbers: Record<string, string> = { 'ACME-IN': '+33180001000', 'ACME-OUT': '+33180001001', 'HORIZON-IN': '+33180002000', 'HORIZON-OUT': '+33180002001' };
  for (const c of campaigns) {
    const mode = c.dial_mode === 'none' ? DEFAULT_SETTINGS.mode : c.dial_mode;
    await dialerSql.putSettings(ch, c.id, { ...DEFAULT_SETTINGS, mode, callerId: numbers[c.code]!, status: c.direction === 'inbound' ? 'running' : 'stopped' }, 'seed');
  }

  for (const c of campaigns) {
    await targetsSql.put(ch, {
      ...targetDefaults, ...demoTargets[c.code], campaign_id: c.id, partnership_id: c.partnership_id, revision: 1,
      edited_by: 'seed', edited_by_name: 'Relais', edited_at: new Date().toISOString(),
    });
  }

  // The number inventory: CallPro holds each client's numbers for it (the proof: its operator contract), and one
  // number of its own, unused; a campaign may present only these (PRODUCT §5).
  const held = (number: string, client: string) => ({ number, owner: 'client' as const, client_org_id: client });
  const inventory = [
    held(numbers['ACME-IN']!, acme.id), held(numbers['ACME-OUT']!, acme.id), held(numbers['HORIZON-IN']!, horizon.id), held(numbers['HORIZON-OUT']!, horizon.id),
    { number: '+33180009000', owner: 'outsourcer' as const, client_org_id: '' },
  ];
  for (const n of inventory) {
    await numbersSql.putNumber(ch, { id: randomUUID(), org_id: callpro.id, proof_ref: 'Contrat opérateur CP-2026-014', added_by: 'seed', added_by_name: 'Relais', added_at: Date.now(), ...n });
  }

  // Organizations last: their presence is what marks the store as seeded.
  await tenancy.putPartnerships(ch, [pAcme, pHorizon]);
  await tenancy.putCampaigns(ch, campaigns);
  await tenancy.putUsers(ch, users);
  await tenancy.putAssignments(ch, assignments);
  // The agents' two teams, led by the manager (issue 20's /admin/teams).
  const lead = users.find((u) => u.role === 'manager')!.id;
  for (const name of ['Équipe Énergie', 'Équipe Banque']) await peopleSql.putTeam(ch, { id: randomUUID(), org_id: callpro.id, name, lead_user_id: lead });
  await tenancy.putOrganizations(ch, [callpro, acme, horizon]);

  const orgName = new Map<string, string>([callpro, acme, horizon].map((o) => [o.id, o.name]));
  return users.map((u) => ({ email: u.email, role: u.role, organization: orgName.get(u.org_id)! }));
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const rows = accounts.map((a) => `  ${a.email.padEnd(24)} ${a.role.padEnd(8)} ${a.organization}`);
  return [`Demo accounts (password: ${DEMO_PASSWORD}):`, ...rows].join('\n');
}
