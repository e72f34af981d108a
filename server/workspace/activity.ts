// The workspace feed: every upload, import result, sign-off, brief change, training event and comment.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { workspace } from '@/clickhouse/queries/workspace';
import type { Actor } from './actor';
import type { SubjectType } from './subject';

export type ActivityKind =
  | 'brief_changed' | 'spec_proposed' | 'spec_signed' | 'file_uploaded' | 'import_done' | 'import_failed'
  | 'training_added' | 'training_acknowledged' | 'comment';

export interface ActivityInput {
  partnershipId: string;
  actor: Actor;
  kind: ActivityKind;
  subject: { type: SubjectType; id: string };
  params?: Record<string, string | number>;
  body?: string;
}

export async function recordActivity(ch: Clickhouse, input: ActivityInput): Promise<void> {
  await workspace.addActivity(ch, {
    partnership_id: input.partnershipId,
    id: randomUUID(),
    at: new Date().toISOString(),
    actor_id: input.actor.id,
    actor_name: input.actor.name,
    actor_side: input.actor.side,
    kind: input.kind,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    params: JSON.stringify(input.params ?? {}),
    body: input.body ?? '',
  });
}
