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
  expect(await seedDemoActivity(engine.ch, NOW)).toBeGreaterThan(20_000);
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

  it('reads like a contact center’s week: service lines near 80/20, few abandons, minutes of handling, conversion only where something sells', async () => {
    const week = Object.fromEntries(await Promise.all(campaigns.map(async (c) => [c.code, await kpis(c, MIDNIGHT - 7 * 86_400_000, NOW + 60_000)] as const)));
    console.log('demo week', JSON.stringify(Object.fromEntries(Object.entries(week).map(([code, k]) => [code,
      [k.offered || k.attempts, k.service_level, k.abandon_rate, k.outbound_abandon_rate, k.asa_seconds, k.aht_seconds, k.occupancy, k.conversion_rate, k.fcr, k.nps]]))));
    for (const code of ['ACME-IN', 'HORIZON-IN']) {
      const k = week[code]!;
      expect(k.service_level, code).toBeGreaterThan(0.74);
      expect(k.service_level, code).toBeLessThan(0.9);
      expect(k.abandon_rate, code).toBeGreaterThan(0.02);
      expect(k.abandon_rate, code).toBeLessThan(0.06);
      expect(k.asa_seconds, code).toBeGreaterThan(10);
      expect(k.asa_seconds, code).toBeLessThan(35);
      // Six agents a client: busy 75–85 % of their available time, as on a real service line (two agents holding
      // 80/20 would idle more than half of it).
      expect(k.occupancy, code).toBeGreaterThan(0.72);
      expect(k.occupancy, code).toBeLessThan(0.88);
      expect(k.aht_seconds, code).toBeGreaterThan(180);
      expect(k.aht_seconds, code).toBeLessThan(330);
      expect(k.fcr, code).toBeGreaterThan(0.7);
      expect(k.fcr, code).toBeLessThan(0.92);
    }
    // Acme's service line sells its green offer now and then; Horizon's card line sells nothing: no conversion at all.
    expect(week['ACME-IN']!.conversion_rate).toBeGreaterThan(0.03);
    expect(week['ACME-IN']!.conversion_rate).toBeLessThan(0.15);
    expect(week['HORIZON-IN']!.conversion_rate).toBeNull();
    for (const code of ['ACME-OUT', 'HORIZON-OUT']) {
      const k = week[code]!;
      expect(k.conversion_rate, code).toBeGreaterThan(0.04);
      expect(k.conversion_rate, code).toBeLessThan(0.2);
      expect(k.outbound_abandon_rate, code).toBeLessThan(0.03);
    }
    // The clients' agents over both their campaigns, likewise.
    for (const client of ['ACME', 'HORIZON']) {
      const cs = campaigns.filter((c) => c.code.startsWith(client));
      const k = await computeKpis(engine.ch, { campaignIds: cs.map((c) => c.id), orgIds: [orgId], from: MIDNIGHT - 7 * 86_400_000, to: NOW + 60_000, agents: [], timeZone: cs[0]!.time_zone, sl: campaignSl(cs[0]!) });
      expect(k.occupancy, client).toBeGreaterThan(0.72);
      expect(k.occupancy, client).toBeLessThan(0.88);
    }
    // Horizon's progressive campaign dials for an agent already free: nobody who answers is dropped.
    expect(week['HORIZON-OUT']!.outbound_abandon_rate).toBe(0);
    // The cap is the campaign day's (PRODUCT §5): no day of the week is over it, so none shows red.
    for (const c of campaigns.filter((x) => x.direction === 'outbound')) {
      const { series } = await computeKpis(engine.ch, {
        campaignIds: [c.id], orgIds: [orgId], from: MIDNIGHT - 7 * 86_400_000, to: NOW + 60_000, agents: [], timeZone: c.time_zone, sl: campaignSl(c), bucket: 'day',
      });
      expect(series!.length, c.code).toBeGreaterThanOrEqual(5);
      for (const day of series!) expect(day.outbound_abandon_rate ?? 0, `${c.code} ${day.bucket}`).toBeLessThanOrEqual(0.03);
    }
  });
});
