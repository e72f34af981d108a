// rtpengine's capture of a finished call turned into the call's recording under the recordings dir: one WAV
// mixing both parties at `<yyyy-mm-dd>/<call>.wav`, written whole or not at all (a `.part` renamed), then the
// capture and its metadata removed (they hold the same conversation: no copy is kept that nobody checks).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mixG711, recordingRelativePath, rtpOfPcap, SAMPLE_RATE, wavOf } from './recording';

export interface SavedRecording {
  /** Relative to the recordings dir: what the call record keeps. */
  path: string;
  seconds: number;
  /** The parties' streams heard (2 when both spoke). */
  streams: number;
}

/** rtpengine's metadata file of a capture: `<spool>/metadata/rtpengine-meta-<name>.txt` beside `<spool>/pcaps/<name>.pcap`, moved there once the pcap is closed. */
export function metadataOf(pcap: string): string {
  const spool = path.dirname(path.dirname(pcap));
  return path.join(spool, 'metadata', `rtpengine-meta-${path.basename(pcap, '.pcap')}.txt`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Call-ID as rtpengine puts it in its capture's name (glib's g_uri_escape_string: all but A-Z a-z 0-9 - . _ ~ percent-encoded). */
export function escapedCallId(callId: string): string {
  return [...Buffer.from(callId, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/**
 * The newest capture of the call in rtpengine's spool (`<spool>/pcaps/<escaped Call-ID>-<16 hex>.pcap`): for a
 * recording started by `start recording`, whose reply does not name the file as the offer's and answer's do.
 */
export async function findCapture(spool: string, callId: string): Promise<string | undefined> {
  const dir = path.join(spool, 'pcaps');
  const prefix = `${escapedCallId(callId)}-`;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(prefix) && /^[0-9a-f]{16}\.pcap$/.test(n.slice(prefix.length)));
  const dated = await Promise.all(names.map(async (n) => ({ file: path.join(dir, n), at: (await stat(path.join(dir, n))).mtimeMs })));
  return dated.sort((a, b) => b.at - a.at)[0]?.file;
}

/**
 * Converts the capture `pcap` of the call `callId` (rtpengine has deleted the call) into its recording; undefined
 * when nobody was heard (no G.711 audio in it). Waits up to `waitMs` for rtpengine to close the capture.
 */
export async function saveRecording(o: { pcap: string; recordingsDir: string; callId: string; waitMs?: number }): Promise<SavedRecording | undefined> {
  const metadata = metadataOf(o.pcap);
  const deadline = Date.now() + (o.waitMs ?? 2000);
  while (!existsSync(metadata) && Date.now() < deadline) await sleep(25);
  if (!existsSync(o.pcap)) return undefined;
  const mixed = mixG711(rtpOfPcap(await readFile(o.pcap)));
  const discard = () => Promise.all([rm(o.pcap, { force: true }), rm(metadata, { force: true })]);
  if (mixed.startUs === undefined) {
    await discard();
    return undefined;
  }
  const startedAt = new Date(mixed.startUs / 1000);
  let relative = recordingRelativePath(o.callId, startedAt);
  // A Call-ID seen again (another call, or one recorded twice) never overwrites an earlier recording.
  for (let n = 2; existsSync(path.join(o.recordingsDir, relative)); n++) relative = recordingRelativePath(o.callId, startedAt, `-${n}`);
  const file = path.join(o.recordingsDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.part`, wavOf(mixed.samples), { mode: 0o640 });
  await rename(`${file}.part`, file);
  await discard();
  return { path: relative, seconds: mixed.samples.length / SAMPLE_RATE, streams: mixed.streams };
}
