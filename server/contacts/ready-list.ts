// A contact list stored as ready to dial, for contacts that need no import (already valid E.164 numbers): the
// demo's made-up leads and the dialer's tests. Files from users go through the import pipeline instead.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import type { Campaign } from '@/clickhouse/queries/tenancy';

export interface ReadyContact {
  phone: string;
  country?: string;
  name?: string;
  lastName?: string;
  segment?: string;
}

/**
 * Stores the contacts, in the order given, as one ready list of the campaign; returns the list's id. `at`: when the
 * list was delivered (now unless given: the demo's list predates its week of calls, SAL counts a contact from then).
 */
export async function addReadyList(
  ch: Clickhouse, campaign: Campaign, listName: string, createdByName: string, contacts: ReadyContact[], at = Date.now(),
): Promise<string> {
  const listId = randomUUID();
  await contactsSql.insertContacts(ch, contacts.map((c, i) => ({
    campaign_id: campaign.id, phone_e164: c.phone, list_id: listId, source_row: i + 2, country: c.country ?? 'FR',
    first_name: c.name ?? `Client ${i + 1}`, last_name: c.lastName ?? 'Test', email: '', segment: c.segment ?? '', record_date: null,
    fields: {}, imported_at: at,
  })));
  await contactsSql.putList(ch, {
    id: listId, campaign_id: campaign.id, partnership_id: campaign.partnership_id, name: listName, file_id: '', sample: 0, status: 'ready',
    error: '', report: '', rejected_file_id: '', contacts: contacts.length, created_by: '', created_by_name: createdByName,
    created_at: new Date(at).toISOString(),
  });
  return listId;
}
