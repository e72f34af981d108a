// What a workspace comment may be about: something of that partnership only. The comment stores the subject's id
// beside the partnership's, so an id of another partnership's file would tie the two workspaces together.
import type { Clickhouse } from '@/clickhouse/client';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { workspace } from '@/clickhouse/queries/workspace';

export const SUBJECTS = ['brief', 'spec', 'file', 'contact_list', 'training', 'workspace'] as const;
export type SubjectType = (typeof SUBJECTS)[number];

export async function subjectInPartnership(ch: Clickhouse, partnershipId: string, type: SubjectType, id: string): Promise<boolean> {
  switch (type) {
    case 'workspace':
      return id === partnershipId;
    case 'brief':
    case 'spec':
      // Revision numbers of this partnership's own brief or specification.
      return /^[1-9]\d{0,8}$/.test(id);
    case 'file':
      return (await workspace.file(ch, id))?.partnership_id === partnershipId;
    case 'training':
      return (await workspace.training(ch, id))?.partnership_id === partnershipId;
    case 'contact_list':
      return (await contactsSql.list(ch, id))?.partnership_id === partnershipId;
  }
}
