// Writes the audit line of a change with the change itself: the line (the intent) goes in first, then the change
// is made; if the change fails, a second row marks the line failed. A change that skipped its line would be
// invisible to the admins, so every audited change goes through `audited` and nothing else writes audit_log.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { insertAudit } from '@/clickhouse/queries/audit';
import type { AuditAction } from './actions';

/** Who makes the change: a signed-in user, or an API key (`actor_email` names the key). */
export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditEntry {
  action: AuditAction;
  subject: { type: string; id: string };
  /** The organizations whose admins see the line (the actor's, and the other side of a shared campaign). */
  orgIds: readonly string[];
  /**
   * What the change concerns, by the name people know it by (a campaign code, an e-mail, a number, a key's name):
   * language-neutral, since the page words the action itself in the reader's language.
   */
  summary: string;
  /** What changed: before/after values, counts. */
  detail?: Record<string, unknown>;
}

/**
 * Makes `change` with its line, or its lines: a change that is several changes at once for the admins (a client
 * organization created with its partnership and its first admin) passes one entry for each. They are written in one
 * insert before the change and, if it fails, all marked failed: a change that is all-or-nothing has lines that are too.
 */
export async function audited<T>(
  ch: Clickhouse, actor: AuditActor, entries: AuditEntry | readonly AuditEntry[], change: () => Promise<T>, now = Date.now(),
): Promise<T> {
  const list: readonly AuditEntry[] = Array.isArray(entries) ? entries : [entries as AuditEntry];
  const rows = list.map((entry) => ({
    id: randomUUID(), at: now, org_ids: [...new Set(entry.orgIds.filter(Boolean))], actor_id: actor.id, actor_email: actor.email,
    action: entry.action, subject_type: entry.subject.type, subject_id: entry.subject.id, summary: entry.summary,
    detail: JSON.stringify(entry.detail ?? {}), outcome: 'done' as const,
  }));
  await insertAudit(ch, rows);
  try {
    return await change();
  } catch (err) {
    await insertAudit(ch, rows.map((row) => ({ ...row, outcome: 'failed' as const }))).catch(() => {});
    throw err;
  }
}
