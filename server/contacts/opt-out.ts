// Opt-out (Bloctel-style) lists of an outsourcer: loading one from an uploaded file, and the set of
// numbers contacts are screened against (the newest list). A list older than 31 days blocks dialing.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql, type OptOutList } from '@/clickhouse/queries/contacts';
import type { StoredFile } from '@/clickhouse/queries/workspace';
import type { FileStorage } from '@/server/files/storage';
import { checkDncListAge } from '@/dialer/compliance/dnc';
import { normalisePhone } from '@/dialer/phone';
import { detectShape, readRows } from './read/rows';

export async function screeningList(ch: Clickhouse, orgId: string): Promise<Set<string>> {
  const newest = (await contactsSql.optOutLists(ch, orgId))[0];
  return newest ? contactsSql.optOutNumbers(ch, orgId, newest.id) : new Set();
}

/** Every number of the first column (a header line is skipped when it is not a number). */
export async function loadOptOutList(ch: Clickhouse, storage: FileStorage, file: StoredFile, listDate: string, uploadedBy: string): Promise<OptOutList & { invalid: number }> {
  const source = await storage.localPath(file.storage_key);
  const shape = await detectShape(source);
  const list: OptOutList = { id: randomUUID(), org_id: file.owner_org_id, name: file.name, file_id: file.id, list_date: listDate, numbers: 0, uploaded_by: uploadedBy, uploaded_at: new Date().toISOString() };
  let batch: string[] = [];
  let invalid = 0;
  const seen = new Set<string>();
  const take = (text: string) => {
    const phone = normalisePhone(text, 'FR');
    if (!phone.ok) return false;
    if (!seen.has(phone.e164)) { seen.add(phone.e164); batch.push(phone.e164); }
    return true;
  };
  for await (const r of readRows(source, shape)) {
    const ok = take(r.cells[0] ?? '');
    if (!ok && !r.header) invalid++;
    if (batch.length >= 50_000) { await contactsSql.insertOptOutNumbers(ch, list.org_id, list.id, batch); batch = []; }
  }
  if (batch.length) await contactsSql.insertOptOutNumbers(ch, list.org_id, list.id, batch);
  list.numbers = seen.size;
  await contactsSql.putOptOutList(ch, list);
  return { ...list, invalid };
}

/** The dialer's rule (31 days by default), shown on the list before anyone dials. */
export function isStale(listDate: string, now: Date): boolean {
  return !checkDncListAge(now.getTime(), Date.parse(`${listDate}T00:00:00Z`)).allowed;
}
