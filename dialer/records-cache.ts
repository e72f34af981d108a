// Each partnership's number inventory and consent records, read from ClickHouse and kept a minute, like the
// do-not-call lists (dnc-cache.ts): dialing never waits for them. A change made in this process (a number
// removed, a consent withdrawn) reloads its partnership at once (server/numbers/changed.ts).
import type { Clickhouse } from '@/clickhouse/client';
import { numbersSql, type ConsentRow } from '@/clickhouse/queries/numbers';
import { tenancy } from '@/clickhouse/queries/tenancy';
import type { Consent } from '@/dialer/compliance/consent';

const FRESH_MS = 60_000;

/** What the compliance gate of a partnership's campaigns reads: the numbers they may present, consents by number. */
export interface PartnershipRecords { numbers: ReadonlySet<string>; consents: ReadonlyMap<string, Consent[]> }

export const consentOf = (r: ConsentRow): Consent => ({
  source: r.source, givenAt: r.given_at, scope: r.scope, campaignId: r.campaign_id || undefined, channel: r.channel,
  withdrawnAt: r.withdrawn_at, expiresAt: r.expires_at,
});

/** Loads a partnership's records (an unknown partnership has none). */
export async function loadPartnershipRecords(ch: Clickhouse, partnershipId: string): Promise<PartnershipRecords> {
  const [partnership] = await tenancy.partnershipsByIds(ch, [partnershipId]);
  if (!partnership) return { numbers: new Set(), consents: new Map() };
  const [numbers, consents] = await Promise.all([numbersSql.numbersOfPartnership(ch, partnership), numbersSql.consentsOfPartnership(ch, partnershipId)]);
  const byPhone = new Map<string, Consent[]>();
  for (const row of consents) {
    const list = byPhone.get(row.phone_e164);
    if (list) list.push(consentOf(row));
    else byPhone.set(row.phone_e164, [consentOf(row)]);
  }
  return { numbers: new Set(numbers.map((n) => n.number)), consents: byPhone };
}

interface Entry { records: PartnershipRecords | null; at: number; refreshing?: Promise<void> }

export class RecordsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ch: Clickhouse) {}

  /** Reloads the partnership's records; on failure the records held stay and a reload is tried in a minute. */
  refresh(partnershipId: string): Promise<void> {
    const entry = this.entries.get(partnershipId);
    if (entry?.refreshing) return entry.refreshing.then(() => this.refresh(partnershipId));
    const refreshing = loadPartnershipRecords(this.ch, partnershipId)
      .then((records) => void this.entries.set(partnershipId, { records, at: Date.now() }))
      .catch((err: Error) => {
        this.entries.set(partnershipId, { records: this.entries.get(partnershipId)?.records ?? null, at: Date.now() });
        console.error(`Dialer: numbers and consents not reloaded: ${err.message}`);
      });
    this.entries.set(partnershipId, { records: entry?.records ?? null, at: entry?.at ?? 0, refreshing });
    return refreshing;
  }

  /** The records in force now, or null before the first load. */
  now(partnershipId: string): PartnershipRecords | null {
    const entry = this.entries.get(partnershipId);
    if (!entry || (!entry.refreshing && Date.now() - entry.at > FRESH_MS)) void this.refresh(partnershipId);
    return entry?.records ?? null;
  }
}
