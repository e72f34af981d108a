// Recorded calls for the demo, so the quality workspace's player plays on a first start: a few connected calls of
// each demo campaign and agent name a WAV under $RELAIS_DATA_DIR/recordings (the dialer's layout), written here —
// a short dialogue spoken by espeak-ng with two voices when it is installed, else a synthetic two-tone exchange.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveRecording, SAMPLE_RATE, wavOf } from '@/dialer/media/recording';

/** Calls recorded per demo campaign and agent: the latest connected ones. */
export const RECORDED_PER_AGENT = 2;

const DIALOGUES: Record<'inbound' | 'outbound', string[]> = {
  inbound: [
    'Bonjour, service client, Julie à votre écoute. Cet appel est enregistré. Que puis-je faire pour vous ?',
    'Bonjour. Ma dernière facture est deux fois plus élevée que d’habitude, je ne comprends pas pourquoi.',
    'Je comprends. Pouvez-vous me donner votre numéro de client, s’il vous plaît ?',
    'Oui, c’est le 4 5 7 8 2 1.',
    'Merci. Je vois un relevé estimé le mois dernier : la facture a rattrapé votre consommation réelle. Je vous propose un échéancier sur trois mois.',
    'Ah, d’accord. Oui, ça me va très bien.',
    'C’est noté, vous recevrez la confirmation par courriel. Puis-je vous aider pour autre chose ?',
    'Non, merci beaucoup. Au revoir.',
  ],
  outbound: [
    'Bonjour madame, Thomas de la société Acme Énergie. Cet appel est enregistré, vous pouvez vous opposer au démarchage sur Bloctel.',
    'Bonjour. C’est à quel sujet ?',
    'Nous proposons une offre d’électricité verte, avec un prix fixe pendant deux ans. Vous chauffez votre logement à l’électricité ?',
    'Oui, mais je suis déjà chez un fournisseur, et c’est toujours plus cher au final.',
    'Je comprends tout à fait. Justement, le prix est garanti deux ans, et le changement est gratuit et sans coupure.',
    'Bon. Envoyez-moi l’offre par courriel, je regarderai.',
    'Très bien, je vous l’envoie aujourd’hui. Merci pour votre temps, bonne journée.',
  ],
};

/** Pure: marks the latest connected calls of each campaign and agent as recorded (their `recording_path`); returns the paths set, by call id. */
export function withDemoRecordings(records: Record<string, unknown>[], perAgent = RECORDED_PER_AGENT): Map<string, { path: string; direction: 'inbound' | 'outbound' }> {
  const calls = records.filter((r) => r.kind === 'call' && r.outcome === 'connected' && typeof r.agent === 'string' && r.agent);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const c of calls) groups.set(`${c.campaign}:${c.agent}`, [...(groups.get(`${c.campaign}:${c.agent}`) ?? []), c]);
  const out = new Map<string, { path: string; direction: 'inbound' | 'outbound' }>();
  for (const group of groups.values()) {
    for (const c of [...group].sort((a, b) => String(b.started_at).localeCompare(String(a.started_at))).slice(0, perAgent)) {
      c.recording_path = `${String(c.started_at).slice(0, 10)}/demo-${String(c.id)}.wav`;
      out.set(String(c.id), { path: c.recording_path as string, direction: c.direction as 'inbound' | 'outbound' });
    }
  }
  return out;
}

/** The samples of a WAV (PCM 16-bit mono) and its rate; espeak-ng's, written to stdout, carries no final sizes. */
function pcmOf(wav: Buffer): { samples: Int16Array; rate: number } {
  const rate = wav.readUInt32LE(24);
  const data = wav.indexOf('data', 12, 'ascii');
  const body = wav.subarray(data + 8);
  const samples = new Int16Array(Math.floor(body.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = body.readInt16LE(i * 2);
  return { samples, rate };
}

/** Down to the recordings' 8 kHz (a mean over each output sample's span: a plain low-pass). */
function resample(samples: Int16Array, rate: number): Int16Array {
  if (rate === SAMPLE_RATE) return samples;
  const step = rate / SAMPLE_RATE;
  const out = new Int16Array(Math.floor(samples.length / step));
  for (let i = 0; i < out.length; i++) {
    const from = Math.floor(i * step);
    const to = Math.max(from + 1, Math.floor((i + 1) * step));
    let sum = 0;
    for (let j = from; j < to; j++) sum += samples[j] ?? 0;
    out[i] = Math.round(sum / (to - from));
  }
  return out;
}

const join = (parts: Int16Array[], gapSeconds = 0.5): Int16Array => {
  const gap = Math.round(gapSeconds * SAMPLE_RATE);
  const out = new Int16Array(parts.reduce((n, p) => n + p.length + gap, gap));
  let at = gap;
  for (const p of parts) {
    out.set(p, at);
    at += p.length + gap;
  }
  return out;
};

const ESPEAK = ['/usr/bin/espeak-ng', '/usr/local/bin/espeak-ng'].find((p) => existsSync(p));

/** A dialogue in two voices (agent, customer) by espeak-ng; undefined when it is not installed or fails. */
async function spoken(lines: string[]): Promise<Int16Array | undefined> {
  if (!ESPEAK) return undefined;
  try {
    const run = promisify(execFile);
    const parts = await Promise.all(lines.map(async (text, i) => {
      const { stdout } = await run(ESPEAK, ['-v', i % 2 === 0 ? 'fr+m3' : 'fr+f4', '-s', '165', '--stdout', text], { encoding: 'buffer', maxBuffer: 32 << 20, timeout: 20_000 });
      const { samples, rate } = pcmOf(stdout as unknown as Buffer);
      return resample(samples, rate);
    }));
    return join(parts);
  } catch {
    return undefined;
  }
}

/** Without espeak-ng: each line a tone burst, the agent's lower than the customer's, as long as the line would take. */
function toned(lines: string[]): Int16Array {
  return join(lines.map((text, i) => {
    const n = Math.round(Math.min(6, 0.06 * text.length) * SAMPLE_RATE);
    const f = i % 2 === 0 ? 220 : 330;
    return Int16Array.from({ length: n }, (_, k) => Math.round(6000 * Math.sin((2 * Math.PI * f * k) / SAMPLE_RATE) * (0.6 + 0.4 * Math.sin((2 * Math.PI * 3 * k) / SAMPLE_RATE))));
  }));
}

/** Writes the recordings of `recorded` (one dialogue per direction, made once) under `recordingsDir`. */
export async function writeDemoRecordings(recorded: Map<string, { path: string; direction: 'inbound' | 'outbound' }>, recordingsDir: string): Promise<number> {
  if (!recorded.size) return 0;
  const audio = new Map<string, Buffer>();
  for (const direction of ['inbound', 'outbound'] as const) {
    const lines = DIALOGUES[direction];
    audio.set(direction, wavOf((await spoken(lines)) ?? toned(lines)));
  }
  let written = 0;
  for (const { path: relative, direction } of recorded.values()) {
    const file = resolveRecording(recordingsDir, relative);
    if (!file) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, audio.get(direction)!);
    written++;
  }
  return written;
}
