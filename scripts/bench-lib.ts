// Shared pieces of the benchmarks: percentiles, synthetic call records (seeded, so the same i gives the same record).
import { mulberry32 } from '@/dialer/pacing/random';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const CAMPAIGNS = ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT'];

/** A plausible call record; `i` makes the id, so the same i gives the same record. */
export function syntheticCall(i: number, prefix: string, day = Date.UTC(2026, 10, 2)): string {
  const random = mulberry32(i);
  const campaign = CAMPAIGNS[i % 4]!;
  const inbound = campaign.endsWith('-IN');
  const start = day + 8 * 3_600_000 + Math.floor(random() * 11 * 3_600_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const agent = `A${1 + Math.floor(random() * 50)}`;
  const r = random();
  if (inbound) {
    if (r < 0.08) return JSON.stringify({ kind: 'call', id: `${prefix}${i}`, campaign, direction: 'inbound', started_at: iso(start), ended_at: iso(start + 30_000), outcome: 'abandoned' });
    const connected = start + Math.floor(random() * 40_000);
    return JSON.stringify({ kind: 'call', id: `${prefix}${i}`, campaign, direction: 'inbound', agent, started_at: iso(start), connected_at: iso(connected),
      ended_at: iso(connected + 60_000 + Math.floor(random() * 300_000)), outcome: 'connected', wrap_seconds: 15, disposition: r < 0.5 ? 'resolved' : 'other' });
  }
  if (r < 0.5) return JSON.stringify({ kind: 'call', id: `${prefix}${i}`, campaign, direction: 'outbound', started_at: iso(start), ended_at: iso(start + 25_000), outcome: 'no_answer' });
  if (r < 0.6) return JSON.stringify({ kind: 'call', id: `${prefix}${i}`, campaign, direction: 'outbound', started_at: iso(start), ended_at: iso(start + 5_000), outcome: 'busy' });
  const answered = start + 8_000;
  return JSON.stringify({ kind: 'call', id: `${prefix}${i}`, campaign, direction: 'outbound', agent, contact: `c${i % 100_000}`, started_at: iso(start), answered_at: iso(answered),
    connected_at: iso(answered + 900), ended_at: iso(answered + 120_000), outcome: 'connected', disposition: r < 0.7 ? 'sale' : 'not_interested' });
}
