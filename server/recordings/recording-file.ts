// GET /api/recordings/{callId}'s work: the recording of a call found only inside the listener's scope (access.ts),
// its file resolved under the recordings dir by the one function that knows their form (no path of a record can
// leave it), sent as audio/wav with byte ranges (the player seeks).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Clickhouse } from '@/clickhouse/client';
import { selectRows } from '@/clickhouse/queries/rows';
import { resolveRecording } from '@/dialer/media/recording';
import { dataDirOf, serverEnv } from '@/server/startup/env';
import type { Scope } from '@/server/tenancy/scope';
import { canHearRecording, RECORDING_LISTENERS } from './access';

/** `$RELAIS_DATA_DIR/recordings`, where the dialer's relay writes the WAVs (dialer/start.ts). */
export const recordingsDirOf = (): string => path.join(dataDirOf(serverEnv()), 'recordings');

export interface RecordingFile { file: string; size: number; callId: string; campaignId: string }

const DAY_MS = 86_400_000;

/**
 * The call's recording when the scope may hear it and its file is there; otherwise nothing, whichever failed (no
 * such call, another tenant's, not recorded, not a listener, a file gone), so no answer tells them apart.
 * A path is the recording of the organization whose call named it first: a record sent through the public API
 * naming another organization's file (a guessed name) is never served.
 */
export async function readableRecording(ch: Clickhouse, scope: Scope, callId: string, recordingsDir = recordingsDirOf()): Promise<RecordingFile | undefined> {
  if (scope.orgKind !== 'outsourcer' || !RECORDING_LISTENERS.includes(scope.role) || scope.campaignIds.size === 0) return undefined;
  const [call] = await selectRows<{ org_id: string; campaign_id: string; recording_path: string }>(ch,
    `SELECT org_id, campaign_id, recording_path FROM calls FINAL
     WHERE id = {id:String} AND campaign_id IN {cs:Array(String)} AND org_id = {org:String} AND sign = 1 AND recording_path != ''
     ORDER BY campaign_id LIMIT 1`,
    { id: callId, cs: [...scope.campaignIds], org: scope.orgId });
  if (!call || !canHearRecording(scope, call)) return undefined;
  const file = resolveRecording(recordingsDir, call.recording_path);
  if (!file) return undefined;
  // The path names the UTC day its audio started: the calls that could have named it started within a day of it.
  const day = Date.parse(`${call.recording_path.slice(0, 10)}T00:00:00Z`);
  const [first] = await selectRows<{ org_id: string }>(ch,
    `SELECT argMin(org_id, ingested_at) AS org_id FROM calls
     WHERE recording_path = {p:String} AND sign = 1
       AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})
     HAVING count() > 0`,
    { p: call.recording_path, from: day - 2 * DAY_MS, to: day + DAY_MS });
  if (first?.org_id !== scope.orgId) return undefined;
  try {
    const s = await stat(file);
    return s.isFile() ? { file, size: s.size, callId, campaignId: call.campaign_id } : undefined;
  } catch {
    return undefined;
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

export function recordingResponse(recording: RecordingFile, rangeHeader: string | null, method: 'GET' | 'HEAD' = 'GET'): Response {
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
