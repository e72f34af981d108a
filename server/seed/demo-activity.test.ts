import { describe, expect, it } from 'vitest';
import { validateRecord } from '@/server/ingest/ndjson';
import { demoActivity, FRESH_HEAD } from './demo-activity';
import { DEMO_AGENTS, DEMO_ROBOT_AGENTS } from './demo';
import { demoLeads } from './demo-leads';

describe('demoActivity', () => {
  const now = Date.UTC(2026, 10, 24, 15, 0, 0);
  const records = demoActivity(now);

  it('is deterministic, valid by the ingest contract, and never in the future', () => {
    expect(demoActivity(now)).toEqual(records);
    expect(records.length).toBeGreaterThan(3_000);
    for (const r of records) expect(validateRecord(r)).toHaveProperty('record');
    const latest = Math.max(...records.map((r) => Date.parse(String(r.ended_at ?? r.answered_at ?? r.at))));
    expect(latest).toBeLessThanOrEqual(now);
  });

  it('keeps every outbound day under the legal 3 % of answered calls dropped, today so far too, at any hour', () => {
    const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
    // Mornings, afternoons and evenings of several weeks: today's figure so far is what the pages show.
    for (const at of [Date.UTC(2026, 10, 24, 9, 40), Date.UTC(2026, 10, 26, 15, 0), Date.UTC(2026, 11, 4, 18, 55), Date.UTC(2027, 0, 12, 10, 5)]) {
      const days = new Map<string, { answered: number; dropped: number }>();
      for (const r of demoActivity(at)) {
        if (r.kind !== 'call' || r.direction !== 'outbound' || (r.outcome !== 'connected' && r.outcome !== 'abandoned')) continue;
        const key = `${r.campaign} ${paris.format(Date.parse(String(r.started_at)))}`;
        const day = days.get(key) ?? { answered: 0, dropped: 0 };
        day.answered++;
        if (r.outcome === 'abandoned') day.dropped++;
        days.set(key, day);
      }
      expect(days.size, new Date(at).toISOString()).toBeGreaterThanOrEqual(10);
      for (const [key, d] of days) expect(d.dropped, `${new Date(at).toISOString()} ${key}: ${d.dropped}/${d.answered}`).toBeLessThanOrEqual(0.03 * d.answered);
    }
  });

  it('never has a resolved case’s survey say the problem is still there', () => {
    const surveys = records.filter((r) => r.kind === 'survey' && typeof r.comment === 'string');
    const unsolved = /toujours pas de solution|jamais été rappelé|toujours fausse/;
    expect(surveys.filter((r) => r.resolved === false && unsolved.test(String(r.comment))).length).toBeGreaterThan(0);
    expect(surveys.filter((r) => r.resolved === true && unsolved.test(String(r.comment)))).toEqual([]);
  });

  it('writes nothing for today before opening time', () => {
    const beforeOpening = Date.UTC(2026, 10, 24, 6, 0, 0); // 07:00 in Paris
    const today = Date.UTC(2026, 10, 23, 23, 0, 0); // midnight in Paris
    const records = demoActivity(beforeOpening);
    expect(records.every((r) => Date.parse(String(r.started_at ?? r.at ?? r.answered_at)) < today)).toBe(true);
  });

  it('covers every demo campaign and agent, with surveys', () => {
    const campaigns = new Set(records.map((r) => r.campaign).filter(Boolean));
    expect([...campaigns].sort()).toEqual(['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']);
    expect(new Set(records.filter((r) => r.kind === 'call').map((r) => r.agent).filter(Boolean))).toEqual(new Set(DEMO_AGENTS.map((a) => `A${a.n}`)));
    expect(records.some((r) => r.kind === 'survey')).toBe(true);
  });

  it('gives each agent one call at a time, and agent states that follow their calls', () => {
    const calls = records.filter((r) => r.kind === 'call' && r.connected_at) as { agent: string; campaign: string; connected_at: string; ended_at: string; wrap_seconds: number }[];
    for (const agent of DEMO_AGENTS.map((a) => `A${a.n}`)) {
      const mine = calls.filter((c) => c.agent === agent).sort((a, b) => Date.parse(a.connected_at) - Date.parse(b.connected_at));
      expect(mine.length).toBeGreaterThan(100);
      for (let i = 1; i < mine.length; i++) {
        expect(Date.parse(mine[i]!.connected_at)).toBeGreaterThanOrEqual(Date.parse(mine[i - 1]!.ended_at) + mine[i - 1]!.wrap_seconds * 1000);
      }
      const onCall = records.filter((r) => r.kind === 'agent_state' && r.agent === agent && r.state === 'on_call');
      expect(onCall.map((r) => `${r.campaign} ${r.at}`).sort()).toEqual(mine.map((c) => `${c.campaign} ${c.connected_at}`).sort());
    }
    expect(new Set(calls.map((c) => c.campaign))).toEqual(new Set(['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']));
  });

  it('has the day team gone home before now, so only the agents with a robot phone (A1–A4) are at work', () => {
    for (const at of [now, Date.UTC(2026, 10, 23, 8, 30), Date.UTC(2026, 10, 28, 17, 0), Date.UTC(2026, 10, 25, 21, 0)]) {
      const last = new Map<string, string>();
      for (const r of demoActivity(at).filter((r) => r.kind === 'agent_state').sort((a, b) => String(a.at).localeCompare(String(b.at)))) last.set(String(r.agent), String(r.state));
      const atWork = [...last].filter(([, state]) => state !== 'offline').map(([agent]) => agent);
      expect(atWork.every((a) => DEMO_ROBOT_AGENTS.includes(a)), `${new Date(at).toISOString()}: ${atWork}`).toBe(true);
    }
    // Earlier in the week, the day team worked its shifts.
    const dayTeam = records.filter((r) => r.kind === 'agent_state' && r.state === 'on_call' && !DEMO_ROBOT_AGENTS.includes(String(r.agent)));
    expect(new Set(dayTeam.map((r) => r.agent)).size).toBe(8);
  });

  it('dials the demo leads of each outbound campaign in legal hours only, never a number more than 4 times (the French cap), nor all of them', () => {
    for (const [campaign, offset] of [['ACME-OUT', 0], ['HORIZON-OUT', 1]] as const) {
      const list = new Set(demoLeads(offset).map((l) => l.phone));
      const calls = records.filter((r) => r.kind === 'call' && r.campaign === campaign);
      // Legal hours only (Mon–Fri 10–13, 14–20): 60–70 attempts a weekday.
      expect(calls.length).toBeGreaterThan(250);
      const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
      for (const c of calls) {
        const parts = Object.fromEntries(paris.formatToParts(Date.parse(String(c.started_at))).map((p) => [p.type, p.value]));
        expect(['Sat', 'Sun'], String(c.started_at)).not.toContain(parts.weekday);
        expect(Number(parts.hour) >= 10 && Number(parts.hour) < 20 && Number(parts.hour) !== 13, String(c.started_at)).toBe(true);
      }
      const perNumber = new Map<string, number>();
      for (const c of calls) {
        expect(list.has(String(c.phone)), String(c.phone)).toBe(true);
        perNumber.set(String(c.phone), (perNumber.get(String(c.phone)) ?? 0) + 1);
      }
      expect(Math.max(...perNumber.values())).toBeLessThanOrEqual(4);
      // The list's head stays fresh for a dialler started on the demo, which takes it first.
      expect(demoLeads(offset).slice(0, FRESH_HEAD).filter((l) => perNumber.has(l.phone))).toEqual([]);
      expect(perNumber.size).toBeLessThan(list.size);
    }
  });
});
