// Runs a contact import in the background of the server process: the list is `importing` while it runs,
// progress is kept in memory for the progress bar, and the end (report, rejected rows, feed event) is
// written to ClickHouse. Contacts are keyed by (campaign, number), so a re-run after a crash replaces
// what the interrupted run wrote instead of doubling it.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql, type ContactList } from '@/clickhouse/queries/contacts';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import type { StoredFile } from '@/clickhouse/queries/workspace';
import { storeUpload } from '@/server/files/service';
import type { FileStorage } from '@/server/files/storage';
import { currentDialer } from '@/server/dialer/instance';
import { processSingleton } from '@/clickhouse/process-singleton';
import type { Actor } from '@/server/workspace/actor';
import { recordActivity } from '@/server/workspace/activity';
import { CONSENT_COLUMNS, type ColumnMapping } from './mapping';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { audited, type AuditActor } from '@/server/audit/record';
import { consentRow } from '@/server/numbers/consents';
import { screeningList } from './opt-out';
import { runContactPipeline } from './pipeline';
import { detectShape } from './read/rows';
import { rejectedCsvHeader, rejectedCsvLine } from './rejected-csv';
import type { ImportReport } from './report';

export interface ImportProgress {
  listId: string;
  status: 'running' | 'done' | 'failed';
  bytes: number;
  totalBytes: number;
  rows: number;
  report?: ImportReport;
  error?: string;
}

const progress = processSingleton('contact-imports', () => new Map<string, ImportProgress>());
export const importProgress = (listId: string): ImportProgress | undefined => progress.get(listId);

export interface ImportRequest {
  file: StoredFile;
  campaign: Campaign;
  outsourcerOrgId: string;
  mapping: ColumnMapping;
  defaultCountry: CountryCode;
  sample?: number;
  actor: Actor;
  /** Who the audit log names when the file brings consent records (consent.import). */
  auditActor?: AuditActor;
  /** The campaign's client, whose admins see the consent import's audit line. */
  clientOrgId?: string;
}

/** Starts the import and answers at once with the list id; `done` settles when it ends (tests await it). */
export async function startContactImport(ch: Clickhouse, storage: FileStorage, req: ImportRequest): Promise<{ listId: string; done: Promise<ImportProgress> }> {
  const list: ContactList = {
    id: randomUUID(), campaign_id: req.campaign.id, partnership_id: req.campaign.partnership_id,
    name: req.sample ? `${req.file.name} (${req.sample})` : req.file.name, file_id: req.file.id, sample: req.sample ? 1 : 0,
    status: 'importing', error: '', report: '', rejected_file_id: '', contacts: 0,
    created_by: req.actor.id, created_by_name: req.actor.name, created_at: new Date().toISOString(),
  };
  await contactsSql.putList(ch, list);
  const state: ImportProgress = { listId: list.id, status: 'running', bytes: 0, totalBytes: req.file.size, rows: 0 };
  progress.set(list.id, state);
  const done = withConsentAudit(ch, req, list, () => run(ch, storage, req, list, state));
  return { listId: list.id, done };
}

/** A file with a consent column: its audit line first (the intent), marked failed if the import fails. */
async function withConsentAudit(ch: Clickhouse, req: ImportRequest, list: ContactList, work: () => Promise<ImportProgress>): Promise<ImportProgress> {
  if (!req.mapping.consentDate) return work();
  const actor = req.auditActor ?? { id: req.actor.id, email: req.actor.name };
  const entry = {
    action: 'consent.import', subject: { type: 'contact_list', id: list.id }, orgIds: [req.outsourcerOrgId, req.clientOrgId ?? ''],
    summary: `Consent records imported with the contact file “${list.name}” into ${req.campaign.code}`,
    detail: { campaign: req.campaign.code, list: list.id, file: req.file.name, columns: Object.fromEntries(CONSENT_COLUMNS.map((k) => [k, req.mapping[k] ?? ''])) },
  } as const;
  return audited(ch, actor, entry, async () => {
    const result = await work();
    if (result.status === 'failed') throw new Error(result.error);
    return result;
  // The failure is in the progress already (run() never throws): the audit line is marked failed, nothing more.
  }).catch(() => progress.get(list.id)!);
}

async function run(ch: Clickhouse, storage: FileStorage, req: ImportRequest, list: ContactList, state: ImportProgress): Promise<ImportProgress> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'relais-import-'));
  const rejectedPath = path.join(tmp, 'rejected.csv');
  const rejected = createWriteStream(rejectedPath);
  let rejectedCount = 0;
  try {
    const source = await storage.localPath(req.file.storage_key);
    const shape = await detectShape(source);
    // Lists of the same file (a sample, an interrupted run) are being replaced: not "already in the campaign".
    const sameFile = (await contactsSql.listsOfCampaigns(ch, [req.campaign.id])).filter((l) => l.file_id === req.file.id && l.id !== list.id).map((l) => l.id);
    const [existing, optOut] = await Promise.all([
      contactsSql.campaignNumbers(ch, req.campaign.id, sameFile),
      screeningList(ch, req.outsourcerOrgId),
    ]);
    const importedAt = Date.now();
    const where = { partnershipId: req.campaign.partnership_id, campaignId: req.campaign.id };
    let consentsWritten = 0;
    const { report, headers } = await runContactPipeline({
      path: source, shape, mapping: req.mapping, defaultCountry: req.defaultCountry, now: new Date(),
      inCampaign: (n) => existing.has(n), optedOut: (n) => optOut.has(n),
      sample: req.sample ? { size: req.sample, seed: 1 } : undefined,
      onContacts: async (batch) => {
        // The consents first: a contact is never in the campaign without the consent its file gave it.
        const consents = batch.filter((c) => c.consent).map((c) => consentRow(where, c.consent!, `import:${list.id}`, req.actor.id, importedAt));
        if (consents.length) {
          consentsWritten += consents.length;
          await numbersSql.putConsents(ch, consents);
        }
        await contactsSql.insertContacts(ch, batch.map((c) => ({
          campaign_id: req.campaign.id, phone_e164: c.phone_e164, list_id: list.id, source_row: c.row, country: c.country,
          first_name: c.first_name, last_name: c.last_name, email: c.email, segment: c.segment,
          record_date: c.record_date ? c.record_date.toISOString().slice(0, 10) : null, fields: c.fields, imported_at: importedAt,
          consent_source: c.consent?.source ?? '', consent_at: c.consent?.given_at ?? null,
        })));
      },
      onRejected: (r) => {
        rejectedCount++;
        rejected.write(rejectedCsvLine(r));
      },
      onProgress: (p) => Object.assign(state, { bytes: p.bytes, rows: p.rows }),
    });
    await new Promise<void>((resolve, reject) => rejected.end((err?: Error | null) => (err ? reject(err) : resolve())));
    let rejectedFileId = '';
    if (rejectedCount > 0) {
      const file = await storeUpload(ch, storage, {
        purpose: 'contacts', name: `${req.file.name.replace(/\.[^.]+$/, '')}-rejets.csv`, partnershipId: req.campaign.partnership_id,
        campaignId: req.campaign.id, ownerOrgId: '', actor: req.actor, limit: Number.MAX_SAFE_INTEGER, quiet: true,
        body: (async function* () { yield Buffer.from(rejectedCsvHeader(headers), 'utf8'); yield* createReadStream(rejectedPath); })(),
      });
      rejectedFileId = file.id;
    }
    await contactsSql.putList(ch, { ...list, status: 'ready', report: JSON.stringify(report), contacts: report.valid, rejected_file_id: rejectedFileId });
    if (!req.sample) {
      for (const id of sameFile) {
        const old = await contactsSql.list(ch, id);
        if (old) await contactsSql.putList(ch, old, 1);
      }
    }
    // A running campaign dials the new list without a restart, with the consents it brought.
    await currentDialer().dialer?.partnershipRecords.refresh(req.campaign.partnership_id).catch(() => {});
    await currentDialer().dialer?.leadsChanged(req.campaign.id).catch((e: Error) => console.error(`Dialer: new list not loaded, it is at the campaign's next start: ${e.message}`));
    await recordActivity(ch, {
      partnershipId: req.campaign.partnership_id, actor: req.actor, kind: 'import_done', subject: { type: 'contact_list', id: list.id },
      params: { name: list.name, valid: report.valid, rows: report.rows_read, campaign: req.campaign.code },
    });
    return Object.assign(state, { status: 'done' as const, report, bytes: state.totalBytes });
  } catch (err) {
    rejected.destroy();
    const error = (err as Error).message;
    await contactsSql.putList(ch, { ...list, status: 'failed', error });
    await recordActivity(ch, {
      partnershipId: req.campaign.partnership_id, actor: req.actor, kind: 'import_failed', subject: { type: 'contact_list', id: list.id },
      params: { name: list.name, error },
    });
    return Object.assign(state, { status: 'failed' as const, error });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** At start-up: imports cut by a stop are marked failed, so the user sees them and runs them again. */
export async function failInterruptedImports(ch: Clickhouse): Promise<number> {
  const stale = (await contactsSql.listsImporting(ch)).filter((l) => !progress.has(l.id));
  for (const list of stale) await contactsSql.putList(ch, { ...list, status: 'failed', error: 'Interrupted by a restart of Relais: run the import again' });
  return stale.length;
}
