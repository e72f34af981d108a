// The dialer's records on their way to the record sink: queued as calls end and agents move, written every
// `flushMs` in one batch per organization, kept and retried when the store cannot be reached.
import type { RecordSink } from './record-sink';

interface Queued { orgId: string; record: Record<string, unknown> }

export class RecordQueue {
  private queue: Queued[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  /** Records the sink refused: a bug of ours, kept visible rather than lost silently. */
  readonly refused: { record: Record<string, unknown>; error: string }[] = [];

  constructor(private readonly sink: RecordSink, flushMs = 200) {
    this.timer = setInterval(() => void this.flush(), flushMs);
  }

  push(orgId: string, record: Record<string, unknown>): void {
    this.queue.push({ orgId, record });
  }

  /** Writes what is queued; resolves when it is stored (or kept for the next flush). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.queue.length) return;
      const batch = this.queue;
      this.queue = [];
      const byOrg = new Map<string, Queued[]>();
      for (const q of batch) byOrg.set(q.orgId, [...(byOrg.get(q.orgId) ?? []), q]);
      for (const [orgId, items] of byOrg) {
        try {
          for (const r of await this.sink.write(orgId, items.map((q) => q.record))) {
            const record = items[r.index]!.record;
            this.refused.push({ record, error: r.error });
            console.error(`Dialer: record refused (${r.error})`, record);
          }
        } catch (err) {
          // The store is unreachable: keep the records for the next flush rather than drop them.
          this.queue.unshift(...items);
          console.error(`Dialer: writing call records failed, retrying: ${(err as Error).message}`);
        }
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
