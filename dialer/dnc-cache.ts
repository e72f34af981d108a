// Each organization's do-not-call list in force, read from ClickHouse and kept a minute: dialing never waits for
// it (a list older than a minute is reloaded in the background), and one load at a time per organization.
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import type { DncList } from '@/dialer/compliance/dnc';

const FRESH_MS = 60_000;

interface Entry { list: DncList | null; at: number; refreshing?: Promise<void> }

export class DncCache {
  private readonly lists = new Map<string, Entry>();

  constructor(private readonly ch: Clickhouse) {}

  /** Reloads the organization's newest list; on failure the list held stays and a reload is tried in a minute. */
  refresh(orgId: string): Promise<void> {
    const entry = this.lists.get(orgId);
    if (entry?.refreshing) return entry.refreshing;
    const refreshing = (async () => {
      const newest = (await contactsSql.optOutLists(this.ch, orgId))[0];
      const list = newest ? { numbers: await contactsSql.optOutNumbers(this.ch, orgId, newest.id), listDate: Date.parse(`${newest.list_date}T00:00:00Z`) } : null;
      this.lists.set(orgId, { list, at: Date.now() });
    })().catch((err: Error) => {
      this.lists.set(orgId, { list: this.lists.get(orgId)?.list ?? null, at: Date.now() });
      console.error(`Dialer: do-not-call list not reloaded: ${err.message}`);
    });
    this.lists.set(orgId, { list: entry?.list ?? null, at: entry?.at ?? 0, refreshing });
    return refreshing;
  }

  /** The list in force now, or null when the organization uploaded none. */
  now(orgId: string): DncList | null {
    const entry = this.lists.get(orgId);
    if (!entry || Date.now() - entry.at > FRESH_MS) void this.refresh(orgId);
    return entry?.list ?? null;
  }
}
