// SQL for people (0009_people.sql): one-time password links and teams (latest versions).
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';
import { insertRows, selectRows } from './rows';

export type LinkPurpose = 'create' | 'reset';

export interface PasswordLink {
  token_hash: string;
  user_id: string;
  org_id: string;
  purpose: LinkPurpose;
  created_by: string;
  /** Epoch ms. */
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface Team {
  id: string;
  org_id: string;
  name: string;
  lead_user_id: string;
}

const LINK_COLUMNS = `token_hash, user_id, org_id, toString(purpose) AS purpose, created_by, toUnixTimestamp64Milli(created_at) AS created_at,
  toUnixTimestamp64Milli(expires_at) AS expires_at, toUnixTimestamp64Milli(used_at) AS used_at`;

export const peopleSql = {
  putLink: (ch: Clickhouse, link: PasswordLink) => insertRows(ch, 'password_links', [{ ...link, version: nextVersion(), deleted: 0 }]),
  /** Takes a link back (its account's creation failed): a newer version marked deleted. */
  removeLink: (ch: Clickhouse, link: PasswordLink) => insertRows(ch, 'password_links', [{ ...link, version: nextVersion(), deleted: 1 }]),

  linkByHash: async (ch: Clickhouse, tokenHash: string): Promise<PasswordLink | undefined> => {
    const [row] = await selectRows<Record<string, string | null>>(ch,
      `SELECT ${LINK_COLUMNS} FROM password_links FINAL WHERE token_hash = {h:String} AND deleted = 0`, { h: tokenHash });
    if (!row) return undefined;
    return {
      token_hash: row.token_hash!, user_id: row.user_id!, org_id: row.org_id!, purpose: row.purpose as LinkPurpose, created_by: row.created_by!,
      created_at: Number(row.created_at), expires_at: Number(row.expires_at), used_at: row.used_at == null ? null : Number(row.used_at),
    };
  },

  putTeam: (ch: Clickhouse, team: Team) => insertRows(ch, 'teams', [{ ...team, created_at: Date.now(), version: nextVersion(), deleted: 0 }]),

  teamsOfOrg: (ch: Clickhouse, orgId: string) =>
    selectRows<Team>(ch, 'SELECT id, org_id, name, lead_user_id FROM teams FINAL WHERE org_id = {org:String} AND deleted = 0 ORDER BY name', { org: orgId }),
};
