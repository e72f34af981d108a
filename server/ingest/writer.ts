// The single writer of call events: groups concurrent requests into one insert per table, cancels the
// stored version of every re-sent record, and resolves each request once its rows are in ClickHouse.
import type { Clickhouse } from '@/clickhouse/client';
import { insertRows, liveRows } from '@/clickhouse/queries/events';
import { notifyCampaignsChanged } from '@/server/live/bus';
import { processSingleton } from '@/server/process-singleton';

export interface EventBatch {
  calls: ({ campaign_id: string; id: string } & object)[];
  surveys: ({ campaign_id: string; id: string } & object)[];
  states: object[];
}

interface Pending {
  batch: EventBatch;
  done: (err?: unknown) => void;
}

const keyOf = (r: { campaign_id: string; id: string }) => `${r.campaign_id}\u0000${r.id}`;

/** Last one wins within a flush, as it would across flushes. */
function lastPerKey<T extends { campaign_id: string; id: string }>(rows: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) {
    byKey.delete(keyOf(r));
    byKey.set(keyOf(r), r);
  }
  return [...byKey.values()];
}

async function withCancels(ch: Clickhouse, table: 'calls' | 'surveys', rows: EventBatch['calls']) {
  const unique = lastPerKey(rows);
  const live = await liveRows(ch, table, unique);
  const cancels = unique.flatMap((r) => {
    const stored = live.get(keyOf(r));
    return stored ? [{ ...stored, sign: -1 }] : [];
  });
  return [...cancels, ...unique];
}

export class EventWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly ch: Clickhouse) {}

  write(batch: EventBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, done: (err) => (err ? reject(err) : resolve()) });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.queue.length);
        try {
          const calls = await withCancels(this.ch, 'calls', group.flatMap((p) => p.batch.calls));
          const surveys = await withCancels(this.ch, 'surveys', group.flatMap((p) => p.batch.surveys));
          await Promise.all([
            insertRows(this.ch, 'calls', calls),
            insertRows(this.ch, 'surveys', surveys),
            insertRows(this.ch, 'agent_states', group.flatMap((p) => p.batch.states)),
          ]);
          group.forEach((p) => p.done());
          notifyCampaignsChanged(
            group.flatMap((p) => [...p.batch.calls, ...p.batch.surveys, ...(p.batch.states as { campaign_id?: string }[])])
              .map((r) => r.campaign_id ?? '')
              .filter(Boolean),
          );
        } catch (err) {
          group.forEach((p) => p.done(err));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** The process's single writer, shared by every route bundle. */
export function eventWriter(ch: Clickhouse): EventWriter {
  return processSingleton('event-writer', () => new EventWriter(ch));
}
