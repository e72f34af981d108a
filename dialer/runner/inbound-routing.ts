// Which campaign takes a call a customer makes to one of our numbers (pure). A number is an inbound line, or
// the caller ID outbound campaigns present: a customer calling it back reaches the team of the campaign that
// called them, with their record (smart outbound). Also the rule that keeps one number to one client.
import { type Direction } from '@/clickhouse/vocabulary';
import type { RunStatus } from './settings';

export interface Line {
  campaignId: string;
  code: string;
  direction: Direction;
  partnershipId: string;
  number: string;
  status: RunStatus;
}

export type Route =
  | { kind: 'route'; campaignId: string; smart: boolean }
  | { kind: 'reject'; status: 404 | 480; reason: string };

/** An inbound line rings while it is open; a caller ID takes callbacks while its campaign is not stopped. */
export function accepts(line: Line): boolean {
  return line.direction === 'inbound' ? line.status === 'running' : line.status !== 'stopped';
}

/**
 * `lastCalled(campaignId)`: when that campaign last dialled the caller, or undefined if never. An open inbound
 * line owning the number takes the call; otherwise the outbound campaign that called the caller most recently
 * (smart outbound), otherwise the first open campaign presenting the number.
 */
export function routeInbound(called: string, lines: readonly Line[], lastCalled: (campaignId: string) => number | undefined): Route {
  const owners = lines.filter((l) => l.number === called);
  if (!owners.length) return { kind: 'reject', status: 404, reason: `no campaign has the number ${called}` };
  const open = owners.filter(accepts).sort((a, b) => a.code.localeCompare(b.code));
  const line = open.find((l) => l.direction === 'inbound');
  if (line) return { kind: 'route', campaignId: line.campaignId, smart: false };
  let best: { line: Line; at: number } | undefined;
  for (const l of open) {
    const at = lastCalled(l.campaignId);
    if (at !== undefined && (!best || at > best.at)) best = { line: l, at };
  }
  if (best) return { kind: 'route', campaignId: best.line.campaignId, smart: true };
  if (open[0]) return { kind: 'route', campaignId: open[0].campaignId, smart: false };
  return { kind: 'reject', status: 480, reason: `the campaigns of ${called} take no calls now` };
}

/**
 * Why `campaign` may not take `number`, or null: a number belongs to one client (the campaigns of one
 * partnership may share a caller ID), and rings at most one inbound line.
 */
export function numberConflict(lines: readonly Line[], campaign: Pick<Line, 'campaignId' | 'direction' | 'partnershipId'>, number: string): string | null {
  for (const other of lines) {
    if (other.campaignId === campaign.campaignId || other.number !== number) continue;
    if (other.partnershipId !== campaign.partnershipId) return `${number} is already the number of campaign ${other.code}, of another client`;
    if (other.direction === 'inbound' && campaign.direction === 'inbound') return `${number} is already the number of the inbound line ${other.code}`;
  }
  return null;
}
