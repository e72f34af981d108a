// A call's recording as one caller sees it — visible or not, may they hear it, expired or not, its file — and the
// GET /api/recordings/{callId} answer built on it. Every way to a recording goes through `locateRecording`, which
// applies the one access rule (access.ts). Files are resolved under the recordings dir by the one function that
// knows their form (no path of a record can leave it), and sent as audio/wav with byte ranges (the player seeks).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Clickhouse } from '@/clickhouse/client';
import { expiryOf, firstClaimantOf, policiesOf, callsIn } from '@/clickhouse/queries/recordings';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { resolveRecording } from '@/dialer/media/recording';
import { dataDirOf, serverEnv } from '@/server/startup/env';
import { campaignsToSearch, theOneCall, type CallRef } from '@/server/tenancy/call-ref';
import type { Scope } from '@/server/tenancy/scope';
import { canHearRecording } from './access';
import { policyOf } from './policy';
import { wavSeconds, WAV_HEADER_BYTES } from './wav';

/** `$RELAIS_DATA_DIR/recordings`, where the dialer's relay writes the WAVs (dialer/start.ts). */
export const recordingsDirOf = (): string => path.join(dataDirOf(serverEnv()), 'recordings');

export interface LocatedRecording {
  callId: string;
  orgId: string;
  campaignId: string;
  partnershipId: string;
  /** Whether the call was recorded at all. */
  recorded: boolean;
  /** The access rule's answer for this caller. */
  mayListen: boolean;
  /** When the retention purge deleted the audio (epoch ms), null while it is kept. */
  expiredAt: number | null;
  /** The file and its size, when the caller may hear it, it has not expired, and it is there. */
  file: string | null;
  size: number | null;
}

/**
 * The call `ref` names and its recording as `scope` sees them, or undefined when the call is not visible to them at all
 * (no such call, another tenant's, a campaign out of their scope): the caller cannot tell those apart. A visible call
 * the caller may not hear comes back with `mayListen: false` and no file. A path is the recording of the organization
 * whose call named it first: a record sent through the public API naming another organization's file (a guessed
 * name) is never served. An id several campaigns of the scope hold, asked for without its campaign, throws
 * `AmbiguousCallError`.
 */
export async function locateRecording(ch: Clickhouse, scope: Scope, ref: CallRef, recordingsDir = recordingsDirOf()): Promise<LocatedRecording | undefined> {
  const callId = ref.callId;
  const call = theOneCall(ref, await callsIn(ch, campaignsToSearch(scope, ref.campaignId), callId));
  if (!call) return undefined;
  const campaign = (await tenancy.campaignsOfPartnerships(ch, [...scope.partnershipIds])).find((c) => c.id === call.campaign_id);
  const [partnership] = campaign ? await tenancy.partnershipsByIds(ch, [campaign.partnership_id]) : [];
  if (!campaign || !partnership || partnership.outsourcer_org_id !== call.org_id) return undefined;
  const [policyRow] = await policiesOf(ch, [partnership.id]);
  const agentCode = scope.role === 'agent' ? ((await tenancy.userById(ch, scope.userId))?.agent_code ?? '') : '';
  const mayListen = canHearRecording(
    { role: scope.role, orgId: scope.orgId, orgKind: scope.orgKind, agentCode, campaignIds: scope.campaignIds, partnershipIds: scope.partnershipIds },
    { org_id: call.org_id, campaign_id: call.campaign_id, agent: call.agent, partnership_id: partnership.id,
      outsourcer_org_id: partnership.outsourcer_org_id, client_org_id: partnership.client_org_id },
    { client_may_listen: policyOf(policyRow).clientMayListen },
  );
  const located: LocatedRecording = {
    callId, orgId: call.org_id, campaignId: call.campaign_id, partnershipId: partnership.id, recorded: call.recording_path !== '',
    mayListen, expiredAt: null, file: null, size: null,
  };
  if (!mayListen || !located.recorded) return located;
  const expiry = await expiryOf(ch, call.campaign_id, callId);
  if (expiry) return { ...located, expiredAt: expiry.expired_at };
  const file = resolveRecording(recordingsDir, call.recording_path);
  if (!file || (await firstClaimantOf(ch, call.recording_path)) !== call.org_id) return located;
  try {
    const s = await stat(file);
    return s.isFile() ? { ...located, file, size: s.size } : located;
  } catch {
    return located;
  }
}

/** The audio's length in seconds from its WAV header, null when it cannot be read. */
export async function recordingSeconds(file: string, size: number): Promise<number | null> {
  try {
    const fh = await open(file, 'r');
    try {
      const header = Buffer.alloc(WAV_HEADER_BYTES);
      const { bytesRead } = await fh.read(header, 0, WAV_HEADER_BYTES, 0);
      return wavSeconds(header.subarray(0, bytesRead), size);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/** The one byte range of a `Range` header, `null` when it cannot be satisfied, undefined when absent or not one plain range (the whole file is sent). */
export function byteRange(header: string | null, size: number): { start: number; end: number } | null | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || end < start ? null : { start, end };
}

export function recordingResponse(recording: { file: string; size: number; callId: string }, rangeHeader: string | null, method: 'GET' | 'HEAD' = 'GET'): Response {
  const { size } = recording;
  const headers: Record<string, string> = {
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    'Content-Disposition': `inline; filename="${recording.callId.replace(/[^A-Za-z0-9._-]/g, '_')}.wav"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
  const range = byteRange(rangeHeader, size);
  if (range === null) return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body = method === 'HEAD' || length === 0 ? null : (Readable.toWeb(createReadStream(recording.file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
