// SQL for the audit log: lines are only ever added (clickhouse/migrations/0008_audit.sql).
import type { Clickhouse } from '../client';
import { insertRows, selectRows } from './rows';

export interface AuditRow {
  id: string;
  /** Epoch ms. */
  at: number;
  org_ids: string[];
  actor_id: string;
  actor_email: string;
  action: string;
  subject_type: string;
  subject_id: string;
  summary: string;
  /** JSON of what changed (before/after values, counts). */
  detail: string;
  outcome: 'done' | 'failed';
}

/** One insert: the lines of a change go in together, or none does. */
export async function insertAudit(ch: Clickhouse, rows: AuditRow | readonly AuditRow[]): Promise<void> {
  await insertRows(ch, 'audit_log', Array.isArray(rows) ? [...rows] : [rows]);
}

export interface AuditFilter {
  orgId: string;
  from: number;
  to: number;
  /** Actions starting with this (e.g. `user.`); all when empty. */
  actionPrefix?: string;
  limit: number;
}

/** The lines an organization's admins see, newest first; a failed change shows once, as failed. */
export async function auditOfOrg(ch: Clickhouse, f: AuditFilter): Promise<AuditRow[]> {
  const rows = await selectRows<AuditRow & { at: string }>(
    ch,
    `SELECT id, toUnixTimestamp64Milli(min(at)) AS at, any(org_ids) AS org_ids, any(actor_id) AS actor_id, any(actor_email) AS actor_email,
            any(action) AS action, any(subject_type) AS subject_type, any(subject_id) AS subject_id, any(summary) AS summary,
            any(detail) AS detail, toString(max(outcome)) AS outcome
     FROM (
       SELECT * FROM audit_log
       WHERE has(org_ids, {org:String}) AND at >= fromUnixTimestamp64Milli({from:Int64}) AND at < fromUnixTimestamp64Milli({to:Int64})
         AND startsWith(action, {prefix:String}))
     GROUP BY id
     ORDER BY at DESC, id
     LIMIT {limit:UInt32}`,
    { org: f.orgId, from: f.from, to: f.to, prefix: f.actionPrefix ?? '', limit: f.limit },
  );
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}
