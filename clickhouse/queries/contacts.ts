// SQL of contact lists, contacts and opt-out lists.
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';
import { insertCompactRows, insertRows, selectRows } from './rows';

export type ListStatus = 'importing' | 'ready' | 'failed';
export interface ContactList {
  id: string;
  campaign_id: string;
  partnership_id: string;
  name: string;
  file_id: string;
  sample: number;
  status: ListStatus;
  error: string;
  report: string;
  rejected_file_id: string;
  contacts: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
}
export interface ContactRow {
  campaign_id: string;
  phone_e164: string;
  list_id: string;
  source_row: number;
  country: string;
  first_name: string;
  last_name: string;
  email: string;
  segment: string;
  record_date: string | null;
  fields: Record<string, string>;
  /** The contact's consent as the file gave it (the full record is in `consents`, 0011). */
  consent_source?: string;
  consent_at?: number | null;
  imported_at: number;
}
export interface OptOutList {
  id: string;
  org_id: string;
  name: string;
  file_id: string;
  list_date: string;
  numbers: number;
  uploaded_by: string;
  uploaded_at: string;
}

const LIST_COLUMNS = `id, campaign_id, partnership_id, name, file_id, sample, status, error, report, rejected_file_id,
  contacts, created_by, created_by_name, created_at`;
const asList = (r: ContactList): ContactList => ({ ...r, contacts: Number(r.contacts), sample: Number(r.sample) });

export const contactsSql = {
  putList: (ch: Clickhouse, list: ContactList, deleted = 0) =>
    insertRows(ch, 'contact_lists', [{ ...list, created_at: Date.parse(list.created_at), version: nextVersion(), deleted }]),

  list: async (ch: Clickhouse, id: string): Promise<ContactList | undefined> =>
    (await selectRows<ContactList>(ch, `SELECT ${LIST_COLUMNS} FROM contact_lists FINAL WHERE id = {id:String} AND deleted = 0`, { id })).map(asList)[0],

  listsOfCampaigns: async (ch: Clickhouse, campaignIds: string[]) =>
    (await selectRows<ContactList>(
      ch,
      `SELECT ${LIST_COLUMNS} FROM contact_lists FINAL WHERE campaign_id IN {ids:Array(String)} AND deleted = 0 ORDER BY created_at DESC`,
      { ids: campaignIds },
    )).map(asList),

  listsImporting: async (ch: Clickhouse) =>
    (await selectRows<ContactList>(ch, `SELECT ${LIST_COLUMNS} FROM contact_lists FINAL WHERE status = 'importing' AND deleted = 0`)).map(asList),

  insertContacts: (ch: Clickhouse, rows: ContactRow[]) =>
    insertCompactRows(ch, 'contacts', rows.map((r) => ({ ...r, version: nextVersion() }))),

  /** Numbers already in the campaign, except those of the given lists (a sample being replaced). */
  campaignNumbers: async (ch: Clickhouse, campaignId: string, exceptLists: string[]): Promise<Set<string>> => {
    const rs = await ch.query({
      query: `SELECT phone_e164 FROM contacts FINAL
              WHERE campaign_id = {c:String} AND removed_at IS NULL AND list_id NOT IN {except:Array(String)}`,
      query_params: { c: campaignId, except: exceptLists },
      format: 'TabSeparated',
    });
    const text = await rs.text();
    return new Set(text ? text.split('\n').filter(Boolean) : []);
  },

  countOfList: async (ch: Clickhouse, listId: string, campaignId: string): Promise<number> =>
    Number((await selectRows<{ n: string }>(ch, 'SELECT count() AS n FROM contacts FINAL WHERE campaign_id = {c:String} AND list_id = {l:String}', { c: campaignId, l: listId }))[0]?.n ?? 0),

  putOptOutList: (ch: Clickhouse, list: OptOutList) =>
    insertRows(ch, 'opt_out_lists', [{ ...list, uploaded_at: Date.parse(list.uploaded_at), version: nextVersion() }]),

  optOutLists: async (ch: Clickhouse, orgId: string) =>
    (await selectRows<OptOutList>(
      ch,
      `SELECT id, org_id, name, file_id, toString(list_date) AS list_date, numbers, uploaded_by, uploaded_at
       FROM opt_out_lists FINAL WHERE org_id = {org:String} AND deleted = 0 ORDER BY list_date DESC, uploaded_at DESC`,
      { org: orgId },
    )).map((l) => ({ ...l, numbers: Number(l.numbers) })),

  insertOptOutNumbers: (ch: Clickhouse, orgId: string, listId: string, numbers: string[]) =>
    insertCompactRows(ch, 'opt_out_numbers', numbers.map((phone_e164) => ({ org_id: orgId, list_id: listId, phone_e164 }))),

  optOutNumbers: async (ch: Clickhouse, orgId: string, listId: string): Promise<Set<string>> => {
    const rs = await ch.query({
      query: 'SELECT DISTINCT phone_e164 FROM opt_out_numbers WHERE org_id = {org:String} AND list_id = {l:String}',
      query_params: { org: orgId, l: listId },
      format: 'TabSeparated',
    });
    const text = await rs.text();
    return new Set(text ? text.split('\n').filter(Boolean) : []);
  },
};
