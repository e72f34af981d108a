// SQL of the partnership workspace: brief revisions, specification versions, stored files, training
// material and acknowledgements, the activity feed and read markers.
import type { Clickhouse } from '../client';
import type { FilePurpose } from '../vocabulary';
import { nextVersion } from '../version';
import { insertRows, selectRows } from './rows';

export type Side = 'outsourcer' | 'client';

export interface BriefFields {
  objectives: string;
  technical_scope: string;
  start_date: string | null;
  end_date: string | null;
  client_contact_name: string;
  client_contact_email: string;
  client_contact_phone: string;
  outsourcer_contact_name: string;
  outsourcer_contact_email: string;
  outsourcer_contact_phone: string;
}
export interface BriefRevision extends BriefFields {
  partnership_id: string;
  revision: number;
  edited_by: string;
  edited_by_name: string;
  edited_at: string;
}

export interface SpecVersion {
  partnership_id: string;
  number: number;
  body: string;
  note: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_side: Side;
  proposed_at: string;
  signed_by: string;
  signed_by_name: string;
  signed_at: string | null;
}

export interface StoredFile {
  id: string;
  partnership_id: string;
  owner_org_id: string;
  campaign_id: string;
  purpose: FilePurpose;
  name: string;
  storage_key: string;
  size: number;
  content_type: string;
  sha256: string;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: string;
}

export type TrainingKind = 'pdf' | 'slides' | 'video' | 'document' | 'link';
export interface TrainingDocument {
  id: string;
  partnership_id: string;
  campaign_id: string;
  title: string;
  kind: TrainingKind;
  file_id: string;
  url: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}
export interface Acknowledgement { document_id: string; user_id: string; acknowledged_at: string }

export interface ActivityEvent {
  partnership_id: string;
  id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_side: Side;
  kind: string;
  subject_type: string;
  subject_id: string;
  params: string;
  body: string;
}

const BRIEF_COLUMNS = `partnership_id, revision, objectives, technical_scope, toString(start_date) AS start_date,
  toString(end_date) AS end_date, client_contact_name, client_contact_email, client_contact_phone,
  outsourcer_contact_name, outsourcer_contact_email, outsourcer_contact_phone, edited_by, edited_by_name, edited_at`;
const SPEC_COLUMNS = `partnership_id, number, body, note, proposed_by, proposed_by_name, proposed_side, proposed_at,
  signed_by, signed_by_name, signed_at`;
const FILE_COLUMNS = `id, partnership_id, owner_org_id, campaign_id, purpose, name, storage_key, size, content_type, sha256,
  uploaded_by, uploaded_by_name, uploaded_at`;
const TRAINING_COLUMNS = 'id, partnership_id, campaign_id, title, kind, file_id, url, created_by, created_by_name, created_at';

const numeric = <T extends { size?: unknown }>(r: T): T => ({ ...r, ...(r.size !== undefined ? { size: Number(r.size) } : {}) });

export const workspace = {
  briefHistory: (ch: Clickhouse, partnershipId: string) =>
    selectRows<BriefRevision>(ch, `SELECT ${BRIEF_COLUMNS} FROM briefs FINAL WHERE partnership_id = {p:String} ORDER BY revision DESC`, { p: partnershipId }),

  putBrief: (ch: Clickhouse, row: BriefRevision) => insertRows(ch, 'briefs', [{ ...row, edited_at: Date.parse(row.edited_at) }]),

  specVersions: (ch: Clickhouse, partnershipId: string) =>
    selectRows<SpecVersion>(ch, `SELECT ${SPEC_COLUMNS} FROM spec_versions FINAL WHERE partnership_id = {p:String} ORDER BY number DESC`, { p: partnershipId }),

  putSpecVersion: (ch: Clickhouse, row: SpecVersion) =>
    insertRows(ch, 'spec_versions', [{
      ...row,
      proposed_at: Date.parse(row.proposed_at),
      signed_at: row.signed_at === null ? null : Date.parse(row.signed_at),
      version: nextVersion(),
    }]),

  putFile: (ch: Clickhouse, row: StoredFile) =>
    insertRows(ch, 'stored_files', [{ ...row, uploaded_at: Date.parse(row.uploaded_at), version: nextVersion() }]),

  file: async (ch: Clickhouse, id: string): Promise<StoredFile | undefined> =>
    (await selectRows<StoredFile>(ch, `SELECT ${FILE_COLUMNS} FROM stored_files FINAL WHERE id = {id:String} AND deleted = 0`, { id })).map(numeric)[0],

  filesOfPartnership: async (ch: Clickhouse, partnershipId: string, purpose: FilePurpose) =>
    (await selectRows<StoredFile>(
      ch,
      `SELECT ${FILE_COLUMNS} FROM stored_files FINAL
       WHERE partnership_id = {p:String} AND purpose = {purpose:String} AND deleted = 0 ORDER BY uploaded_at DESC`,
      { p: partnershipId, purpose },
    )).map(numeric),

  putTraining: (ch: Clickhouse, row: TrainingDocument, deleted = 0) =>
    insertRows(ch, 'training_documents', [{ ...row, created_at: Date.parse(row.created_at), version: nextVersion(), deleted }]),

  training: async (ch: Clickhouse, id: string): Promise<TrainingDocument | undefined> =>
    (await selectRows<TrainingDocument>(ch, `SELECT ${TRAINING_COLUMNS} FROM training_documents FINAL WHERE id = {id:String} AND deleted = 0`, { id }))[0],

  trainingOfCampaigns: (ch: Clickhouse, campaignIds: string[]) =>
    selectRows<TrainingDocument>(
      ch,
      `SELECT ${TRAINING_COLUMNS} FROM training_documents FINAL
       WHERE campaign_id IN {ids:Array(String)} AND deleted = 0 ORDER BY created_at DESC`,
      { ids: campaignIds },
    ),

  acknowledge: (ch: Clickhouse, documentId: string, userId: string) =>
    insertRows(ch, 'training_acknowledgements', [{ document_id: documentId, user_id: userId, acknowledged_at: Date.now() }]),

  acknowledgements: (ch: Clickhouse, documentIds: string[]) =>
    selectRows<Acknowledgement>(
      ch,
      `SELECT document_id, user_id, min(acknowledged_at) AS acknowledged_at FROM training_acknowledgements
       WHERE document_id IN {ids:Array(String)} GROUP BY document_id, user_id`,
      { ids: documentIds },
    ),

  addActivity: (ch: Clickhouse, event: ActivityEvent) => insertRows(ch, 'workspace_activity', [{ ...event, at: Date.parse(event.at) }]),

  activity: (ch: Clickhouse, partnershipId: string, limit: number) =>
    selectRows<ActivityEvent>(
      ch,
      `SELECT partnership_id, id, at, actor_id, actor_name, actor_side, kind, subject_type, subject_id, params, body
       FROM workspace_activity WHERE partnership_id = {p:String} ORDER BY at DESC, id DESC LIMIT {limit:UInt32}`,
      { p: partnershipId, limit },
    ),

  markRead: (ch: Clickhouse, userId: string, partnershipId: string, until: number) =>
    insertRows(ch, 'workspace_reads', [{ user_id: userId, partnership_id: partnershipId, read_until: until }]),

  /** Events by others since the user last opened each workspace. */
  unread: async (ch: Clickhouse, userId: string, partnershipIds: string[]): Promise<Record<string, number>> => {
    const found = await selectRows<{ partnership_id: string; n: string }>(
      ch,
      `SELECT a.partnership_id AS partnership_id, count() AS n
       FROM workspace_activity AS a
       LEFT JOIN (SELECT partnership_id, max(read_until) AS until FROM workspace_reads WHERE user_id = {u:String} GROUP BY partnership_id) AS r
         ON r.partnership_id = a.partnership_id
       WHERE a.partnership_id IN {ids:Array(String)} AND a.actor_id != {u:String} AND a.at > r.until
       GROUP BY a.partnership_id`,
      { u: userId, ids: partnershipIds },
    );
    return Object.fromEntries(found.map((r) => [r.partnership_id, Number(r.n)]));
  },
};
