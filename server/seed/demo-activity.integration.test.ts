// The demo week on a real chDB engine: its outbound campaigns have their list and their attempts, so SAL shows
// from the first start — the figures the live monitor and the week's report show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { campaignSl, computeKpis } from '@/server/kpi/engine';
import { DEMO_LEADS_PER_CAMPAIGN, seedDemoLeads } from './demo-leads';
import { seedDemoActivity } from './demo-activity';

let engine: DemoEngine;
let orgId: string;
let campaigns: Campaign[];
// Wednesday 25 November 2026, 16:00 in Paris.
const NOW = Date.parse('2026-11-25T15:00:00Z');
const MIDNIGHT = Date.parse('2026-11-24T23:00:00Z');

beforeAll(async () => {
  engine = await openDemoEngine();
  orgId = await demoOutsourcerId(engine.ch);
  campaigns = await campaignsOfOutsourcer(engine.ch, orgId);
  expect(await seedDemoActivity(engine.ch, NOW)).toBeGreaterThan(3_000);
});
afterAll(() => engine.close());

const kpis = (c: Campaign, from: number, to: number, bucket?: 'day') =>
  computeKpis(engine.ch, { campaignIds: [c.id], orgIds: [orgId], from, to, agents: [], bucket, timeZone: c.time_zone, sl: campaignSl(c) });

describe('the demo week', () => {
  it('stores the list its outbound calls dialled, delivered before the week, once', async () => {
    const lists = await contactsSql.listsOfCampaigns(engine.ch, campaigns.map((c) => c.id));
    expect(lists.map((l) => campaigns.find((c) => c.id === l.campaign_id)!.code).sort()).toEqual(['ACME-OUT', 'HORIZON-OUT']);
    expect(lists.every((l) => l.contacts === DEMO_LEADS_PER_CAMPAIGN && Date.parse(l.created_at) < NOW - 7 * 86_400_000)).toBe(true);
    // npm run start:sip's step finds them there.
    expect(await seedDemoLeads(engine.ch)).toEqual([]);
  });

  it('shows a plausible SAL for each outbound campaign, today and by day, and none for the inbound ones', async () => {
    const figures: Record<string, unknown> = {};
    for (const c of campaigns) {
      const today = await kpis(c, MIDNIGHT, NOW + 60_000);
      const week = await kpis(c, MIDNIGHT - 7 * 86_400_000, MIDNIGHT + 86_400_000, 'day');
      if (c.direction === 'inbound') {
        expect(today.sal).toBeNull();
        continue;
      }
      figures[c.code] = { today: [today.sal, today.sal_attempted, today.sal_contacts], days: week.series!.map((p) => p.sal), week: week.sal };
      expect(today).toMatchObject({ sal_contacts: DEMO_LEADS_PER_CAMPAIGN, sal_window_hours: 8 });
      for (const sal of [today.sal, ...week.series!.map((p) => p.sal)]) {
        expect(sal).toBeGreaterThan(0.05);
        expect(sal).toBeLessThan(0.5);
      }
    }
    console.log('demo SAL', JSON.stringify(figures));
  });
});
