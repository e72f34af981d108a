// SQL of the number inventory and the consent records (clickhouse/migrations/0011_numbers_consent.sql).
import type { Clickhouse } from '../client';
import { nextVersion, reserveVersions } from '../version';
import { insertRows, selectRows } from './rows';

export type NumberOwner = 'outsourcer' | 'client';
export interface PhoneNumber {
  id: string;
  org_id: string;
  number: string;
  owner: NumberOwner;
  client_org_id: string;
  proof_ref: string;
  added_by: string;
  added_by_name: string;
  /** Epoch ms. */
  added_at: number;
}

export const CONSENT_SCOPES = ['campaign', 'client'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_CHANNELS = ['phone', 'sms', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export interface ConsentRow {
  id: string;
  partnership_id: string;
  phone_e164: string;
  contact_ref: string;
  scope: ConsentScope;
  campaign_id: string;
  channel: ConsentChannel;
  source: string;
  /** Epoch ms. */
  given_at: number;
  expires_at: number | null;
  proof_ref: string;
  withdrawn_at: number | null;
  origin: string;
  recorded_by: string;
  recorded_at: number;
}

const NUMBER_COLUMNS = `id, org_id, number, toString(owner) AS owner, client_org_id, proof_ref, added_by, added_by_name,
  toUnixTimestamp64Milli(added_at) AS added_at`;
const CONSENT_COLUMNS = `id, partnership_id, phone_e164, contact_ref, toString(scope) AS scope, campaign_id, toString(channel) AS channel,
  source, toUnixTimestamp64Milli(given_at) AS given_at, toUnixTimestamp64Milli(expires_at) AS expires_at, proof_ref,
  toUnixTimestamp64Milli(withdrawn_at) AS withdrawn_at, origin, recorded_by, toUnixTimestamp64Milli(recorded_at) AS recorded_at`;

const asNumber = (r: PhoneNumber): PhoneNumber => ({ ...r, added_at: Number(r.added_at) });
const ms = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const asConsent = (r: ConsentRow): ConsentRow => ({
  ...r, given_at: Number(r.given_at), expires_at: ms(r.expires_at), withdrawn_at: ms(r.withdrawn_at), recorded_at: Number(r.recorded_at),
});

export const numbersSql = {
  putNumber: (ch: Clickhouse, n: PhoneNumber, deleted = 0) => insertRows(ch, 'phone_numbers', [{ ...n, version: nextVersion(), deleted }]),

  numbersOfOrgs: async (ch: Clickhouse, orgIds: string[]): Promise<PhoneNumber[]> =>
    (await selectRows<PhoneNumber>(ch, `SELECT ${NUMBER_COLUMNS} FROM phone_numbers FINAL WHERE org_id IN {orgs:Array(String)} AND deleted = 0 ORDER BY number`, { orgs: orgIds })).map(asNumber),

  numberById: async (ch: Clickhouse, id: string): Promise<PhoneNumber | undefined> =>
    (await selectRows<PhoneNumber>(ch, `SELECT ${NUMBER_COLUMNS} FROM phone_numbers FINAL WHERE id = {id:String} AND deleted = 0`, { id })).map(asNumber)[0],

  /** Any organization's entry of this number (a number is in one inventory at a time). */
  numberAnywhere: async (ch: Clickhouse, number: string): Promise<PhoneNumber | undefined> =>
    (await selectRows<PhoneNumber>(ch, `SELECT ${NUMBER_COLUMNS} FROM phone_numbers FINAL WHERE number = {n:String} AND deleted = 0 LIMIT 1`, { n: number })).map(asNumber)[0],

  /** The numbers a partnership's campaigns may present: the outsourcer's own or held for this client, and the client's. */
  numbersOfPartnership: async (ch: Clickhouse, p: { outsourcer_org_id: string; client_org_id: string }): Promise<PhoneNumber[]> =>
    (await selectRows<PhoneNumber>(
      ch,
      `SELECT ${NUMBER_COLUMNS} FROM phone_numbers FINAL
       WHERE deleted = 0 AND ((org_id = {o:String} AND (owner = 'outsourcer' OR client_org_id = {c:String})) OR org_id = {c:String})`,
      { o: p.outsourcer_org_id, c: p.client_org_id },
    )).map(asNumber),

  putConsents: (ch: Clickhouse, rows: ConsentRow[]) => {
    const version = reserveVersions(rows.length);
    return insertRows(ch, 'consents', rows.map((r, i) => ({ ...r, version: version + i, deleted: 0 })));
  },

  consentsOfPartnership: async (ch: Clickhouse, partnershipId: string): Promise<ConsentRow[]> =>
    (await selectRows<ConsentRow>(ch, `SELECT ${CONSENT_COLUMNS} FROM consents FINAL WHERE partnership_id = {p:String} AND deleted = 0`, { p: partnershipId })).map(asConsent),

  consentsOfPhone: async (ch: Clickhouse, partnershipId: string, phones: string[]): Promise<ConsentRow[]> =>
    (await selectRows<ConsentRow>(
      ch,
      `SELECT ${CONSENT_COLUMNS} FROM consents FINAL WHERE partnership_id = {p:String} AND phone_e164 IN {phones:Array(String)} AND deleted = 0
       ORDER BY phone_e164, given_at`,
      { p: partnershipId, phones },
    )).map(asConsent),

  /** The records an audit of the campaign reads: its own scope and the client-wide ones of its partnership. */
  consentsOfCampaign: async (ch: Clickhouse, partnershipId: string, campaignId: string): Promise<ConsentRow[]> =>
    (await selectRows<ConsentRow>(
      ch,
      `SELECT ${CONSENT_COLUMNS} FROM consents FINAL
       WHERE partnership_id = {p:String} AND deleted = 0 AND (scope = 'client' OR campaign_id = {c:String})
       ORDER BY phone_e164, given_at`,
      { p: partnershipId, c: campaignId },
    )).map(asConsent),
};
