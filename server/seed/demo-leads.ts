// Demo only: made-up contacts for each outbound campaign that has none — the list the demo week's outbound calls
// dialled (server/seed/demo-activity.ts, so SAL shows from the first start), and that a manager who starts one with
// `npm run start:sip` sees it dial to the local SIPp customers. The numbers are in +33 1 99 00, the range ARCEP keeps for
// fiction, and their last digit picks what the customer does (dialer/sip/scenarios/mix.xml): over every 20
// contacts 7 answer, 1 answers and hangs up at once, 3 are busy, 7 never answer, 2 reject — near a real list's mix.
// Each has a consent record (scope: the client), as canvassing in France requires since August 2026.
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { addReadyList, type ReadyContact } from '@/server/contacts/ready-list';
import { consentRow } from '@/server/numbers/consents';

const LAST_DIGITS = '50451562534587596045';
const FIRST_NAMES = ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Jules', 'Inès', 'Arthur', 'Zoé', 'Gabriel'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre'];
export const DEMO_LEADS_PER_CAMPAIGN = 500;
export const DEMO_LIST_NAME = 'Démo SIPp (numéros fictifs)';
export const DEMO_CONSENT_SOURCE = 'Formulaire web du client (démo)';

/** The demo leads of the `offset`-th demo campaign (0 or 1: 1,000 numbers in all), the same list every start. */
export function demoLeads(offset: number, count = DEMO_LEADS_PER_CAMPAIGN): ReadyContact[] {
  return Array.from({ length: count }, (_, i) => {
    const k = offset * count + i;
    return {
      phone: `+3319900${String(k).padStart(3, '0')}${LAST_DIGITS[i % LAST_DIGITS.length]}`,
      name: FIRST_NAMES[k % FIRST_NAMES.length],
      lastName: LAST_NAMES[k % LAST_NAMES.length],
      segment: 'démo',
    };
  });
}

/** The demo's outbound campaigns (server/seed/demo.ts): only they get made-up leads, never a campaign of the user's. */
const DEMO_OUTBOUND = ['ACME-OUT', 'HORIZON-OUT'];

/**
 * Adds the demo leads to the demo's outbound campaigns that have no contact list; returns their codes. `at`: when
 * the list was delivered (now unless given).
 */
export async function seedDemoLeads(ch: Clickhouse, at = Date.now()): Promise<string[]> {
  const callpro = (await tenancy.organizationsOfKind(ch, 'outsourcer')).find((o) => o.name === 'CallPro');
  if (!callpro) return [];
  const campaigns = (await campaignsOfOutsourcer(ch, callpro.id)).filter((c) => DEMO_OUTBOUND.includes(c.code));
  const lists = await contactsSql.listsOfCampaigns(ch, campaigns.map((c) => c.id));
  const seeded: string[] = [];
  for (const c of campaigns.sort((a, b) => a.code.localeCompare(b.code))) {
    if (lists.some((l) => l.campaign_id === c.id)) continue;
    const leads = demoLeads(DEMO_OUTBOUND.indexOf(c.code));
    // Canvassing needs prior consent since 11 August 2026: the demo's contacts gave it on the client's web form
    // six weeks before, so a manager may require it on /dialer (and widen the calling hours for them).
    const givenAt = at - 42 * 86_400_000;
    await numbersSql.putConsents(ch, leads.map((l) => consentRow({ partnershipId: c.partnership_id, campaignId: c.id }, {
      phone_e164: l.phone, contact_ref: '', scope: 'client', channel: 'phone', source: DEMO_CONSENT_SOURCE, given_at: givenAt, expires_at: null, proof_ref: 'démo',
    }, 'demo', 'relais-demo', at)));
    await addReadyList(ch, c, DEMO_LIST_NAME, 'Relais (démo)', leads, at);
    seeded.push(c.code);
  }
  return seeded;
}
