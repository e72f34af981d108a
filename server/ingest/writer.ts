// The single writer of call events: groups concurrent requests into one insert per table, cancels the
// stored version of every re-sent record, and resolves each request once its rows are in ClickHouse.
// A request's failure fails no other request, and a failed request keeps nothing stored.
import { isEmbedded, type Clickhouse } from '@/clickhouse/client';
import { concatBatches, withoutRows, type ColumnBatch } from '@/clickhouse/columns';
import { cancelRows, insertEventBatch, mirrorRows, storedKeyHashes } from '@/clickhouse/queries/events';
import { notifyCampaignsChanged } from '@/server/live/bus';
import { processSingleton } from '@/clickhouse/process-singleton';
import type { EncodedBatch, EncodedRows } from './encode';
import { FirstSeen } from './first-seen';
import { INSTANT_MAX_MS, INSTANT_MIN_MS } from './instant';
import { KeyFilter } from './key-filter';

interface Pending {
  batch: EncodedBatch;
  done: (err?: unknown) => void;
}

type Key = { campaign_id: string; id: string };

const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
/**
 * Event tables are partitioned by month. A backfill of years in one body is accepted whole: one insert may
 * touch every month the storage can hold (ClickHouse stops at 100 by default).
 */
export const STORABLE_MONTHS = monthOf(INSTANT_MAX_MS) - monthOf(INSTANT_MIN_MS) + 1;

export interface WriterOptions {
  /** The most month partitions one insert may touch (tests lower it to meet a real refusal). */
  maxPartitionsPerInsert?: number;
}

/**
 * The keys stored in one table, known to this process. Only sound when this writer is the table's only
 * writer, which the embedded engine guarantees (chDB locks its data directory to one process); with a
 * ClickHouse server, other processes may write, so every key is looked up.
 */
class StoredKeys {
  private filter = new KeyFilter();
  private loaded = false;
  readonly ready: Promise<void>;

  constructor(ch: Clickhouse, table: 'calls' | 'surveys', enabled: boolean) {
    // Keys written while loading are added by the writer as well, so none is missed.
    this.ready = !enabled ? Promise.resolve() : storedKeyHashes(ch, table, (hashes) => hashes.forEach((h) => this.filter.add(h)))
      .then(() => void (this.loaded = true))
      .catch((err: Error) => console.error(`Ingest: stored ${table} keys not loaded, every record is looked up: ${err.message}`));
  }

  mayHave(h: number): boolean {
    return !this.loaded || this.filter.mayHave(h);
  }

  add(h: number): void {
    this.filter.add(h);
  }
}

/** A group's rows of one keyed table, numbered across its parts: keys are read only for the rare rows that need them. */
class GroupRows {
  private keys: string[][] = [];

  constructor(private readonly parts: EncodedRows[]) {}

  /** Line `i` of the group, as its part and index in it. */
  private locate(i: number): [number, number] {
    let part = 0;
    while (i >= this.parts[part]!.hashes.length) i -= this.parts[part++]!.hashes.length;
    return [part, i];
  }

  key(i: number): string {
    const [part, at] = this.locate(i);
    return (this.keys[part] ??= JSON.parse(this.parts[part]!.keys) as string[])[at]!;
  }

  /** The group's rows, but for the dropped ones. */
  without(dropped: Set<number>): ColumnBatch[] {
    const kept: ColumnBatch[] = [];
    let base = 0;
    for (const p of this.parts) {
      const n = p.hashes.length;
      if (n === 0) continue;
      const cut = new Set([...dropped].filter((i) => i >= base && i < base + n).map((i) => i - base));
      kept.push(withoutRows(p.rows, cut));
      base += n;
    }
    return kept;
  }
}

function splitKey(key: string): Key {
  // Campaign ids are ours and hold no NUL; a record's id may.
  const cut = key.indexOf('\u0000');
  return { campaign_id: key.slice(0, cut), id: key.slice(cut + 1) };
}

export class EventWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private readonly stored: Record<'calls' | 'surveys', StoredKeys>;
  private readonly insertSettings: Record<string, number>;

  constructor(private readonly ch: Clickhouse, { maxPartitionsPerInsert = STORABLE_MONTHS }: WriterOptions = {}) {
    this.insertSettings = { max_partitions_per_insert_block: maxPartitionsPerInsert };
    const filtered = isEmbedded(ch);
    this.stored = { calls: new StoredKeys(ch, 'calls', filtered), surveys: new StoredKeys(ch, 'surveys', filtered) };
  }

  /** Resolves once the stored keys are known (until then every record is looked up). */
  keysLoaded(): Promise<void> {
    return Promise.all([this.stored.calls.ready, this.stored.surveys.ready]).then(() => undefined);
  }

  /** Resolves once the batch (encoded by encode.ts) is in ClickHouse. */
  write(batch: EncodedBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, done: (err) => (err ? reject(err) : resolve()) });
      void this.flush();
    });
  }

  /**
   * The rows to insert for a keyed table: each key once (the last sent wins, as it would across groups),
   * after a cancel row for the stored version of each re-sent key.
   */
  private async withCancels(table: 'calls' | 'surveys', parts: EncodedRows[]): Promise<ColumnBatch> {
    const count = parts.reduce((n, p) => n + p.hashes.length, 0);
    if (count === 0) return parts[0]!.rows;
    const rows = new GroupRows(parts);
    const stored = this.stored[table];
    const candidates: number[] = [];
    const seen = new FirstSeen(count);
    const repeats = new Map<number, number[]>();
    let i = 0;
    for (const part of parts) {
      const { hashes } = part;
      for (let j = 0; j < hashes.length; j++, i++) {
        const h = hashes[j]!;
        const at = seen.firstOrAdd(h, i);
        if (at !== i) {
          const same = repeats.get(h);
          if (same) same.push(i);
          else repeats.set(h, [at, i]);
        }
        if (stored.mayHave(h)) candidates.push(i);
      }
    }
    // Equal hashes are the only possible repeats of a key: the lines behind them are compared by key.
    const dropped = new Set<number>();
    for (const same of repeats.values()) {
      const last = new Map<string, number>();
      for (const at of same) last.set(rows.key(at), at);
      const kept = new Set(last.values());
      for (const at of same) if (!kept.has(at)) dropped.add(at);
    }
    const asked = candidates.filter((at) => !dropped.has(at)).map((at) => splitKey(rows.key(at)));
    // Once the filter is loaded, a few candidates in many lines are mostly its false positives.
    const cancels = await cancelRows(this.ch, table, asked, { mostlyNew: asked.length < count / 20 });
    // Before the insert: if it fails, the keys stay in the filter, which only costs a lookup later.
    seen.forEach((h) => stored.add(h));
    return concatBatches([...(cancels ? [cancels] : []), ...rows.without(dropped)]);
  }

  /**
   * Inserts a group's rows. The keyed tables go first; if either insert fails, the other's rows are taken
   * back by their mirror, and agent states (which cannot be taken back) are only inserted once both are in.
   */
  private async store(group: Pending[]): Promise<void> {
    const calls = await this.withCancels('calls', group.map((p) => p.batch.calls));
    const surveys = await this.withCancels('surveys', group.map((p) => p.batch.surveys));
    const states = concatBatches(group.map((p) => p.batch.agent_states.rows));
    const keyed = [['calls', calls], ['surveys', surveys]] as const;
    const inserted = await Promise.allSettled(keyed.map(([table, rows]) => insertEventBatch(this.ch, table, rows, this.insertSettings)));
    const failure = inserted.find((r) => r.status === 'rejected');
    if (failure) {
      await this.takeBack(keyed.filter((_, i) => inserted[i]!.status === 'fulfilled'));
      throw failure.reason;
    }
    try {
      await insertEventBatch(this.ch, 'agent_states', states, this.insertSettings);
    } catch (err) {
      await this.takeBack(keyed);
      throw err;
    }
  }

  private async takeBack(inserted: readonly (readonly ['calls' | 'surveys', ColumnBatch])[]): Promise<void> {
    for (const [table, rows] of inserted) {
      if (rows.rows === 0) continue;
      try {
        await insertEventBatch(this.ch, table, await mirrorRows(this.ch, table, rows), this.insertSettings);
      } catch (err) {
        console.error(`Ingest: ${rows.rows} ${table} rows of a failed request could not be taken back: ${(err as Error).message}`);
      }
    }
  }

  /** Resolves the requests and tells live pages their campaigns changed. */
  private acknowledge(group: Pending[]): void {
    group.forEach((p) => p.done());
    notifyCampaignsChanged(group.flatMap((p) => Object.values(p.batch).flatMap((rows) => rows.campaigns)));
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.queue.length);
        try {
          await this.store(group);
          this.acknowledge(group);
        } catch (err) {
          if (group.length === 1) group[0]!.done(err);
          // Grouped requests share an insert: each is tried alone, so that only the failing one fails.
          else for (const p of group) await this.store([p]).then(() => this.acknowledge([p]), (e: unknown) => p.done(e));
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
