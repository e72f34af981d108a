// The abandoned-call message as audio: espeak-ng (Debian's `espeak-ng`, installed by ensureEspeak in the local
// stack) speaks the text of message-text.ts into a WAV (16-bit mono, espeak's 22 050 Hz; rtpengine's `play media`
// reads it with ffmpeg's libraries and encodes it to the customer's G.711). Names differ by campaign, so each text
// is spoken once, when first needed, and kept in the directory given under a name made of its hash.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MessageLanguage } from './message-text';

const run = promisify(execFile);

/** espeak-ng's voice and speed (words per minute, its default 175) per language: a little brisk (English digit by digit is slow): the leg is bounded. */
export const VOICES: Record<MessageLanguage, { voice: string; speed: number }> = {
  fr: { voice: 'fr', speed: 180 },
  en: { voice: 'en-gb', speed: 185 },
};

export interface MessageFile { file: string; durationMs: number }

/** The cache key of a text spoken in a language: whatever changes the audio is in it. */
export function messageKey(text: string, language: MessageLanguage): string {
  const { voice, speed } = VOICES[language];
  return createHash('sha256').update(JSON.stringify(['espeak-ng', voice, speed, text])).digest('hex').slice(0, 20);
}

/** The duration of a PCM WAV in ms, from its `fmt ` and `data` chunks (a data size past the file's end is cut to it). */
export function wavDurationMs(wav: Buffer): number {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let byteRate = 0;
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(at + 16);
    if (id === 'data') {
      if (!byteRate) throw new Error('WAV data before its format');
      return Math.round((Math.min(size, wav.length - at - 8) / byteRate) * 1000);
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('WAV without data');
}

export class MessageAudio {
  /** Texts being spoken now: two abandoned calls at once wait for the same file. */
  private readonly pending = new Map<string, Promise<MessageFile>>();

  constructor(readonly dir: string, private readonly espeak = 'espeak-ng') {}

  /** The WAV of `text` in `language`, spoken now unless a previous call (or run) already did. */
  file(text: string, language: MessageLanguage): Promise<MessageFile> {
    const key = messageKey(text, language);
    const file = path.join(this.dir, `abandon-${language}-${key}.wav`);
    const known = this.pending.get(key);
    if (known) return known;
    const made = this.speak(text, language, file).finally(() => this.pending.delete(key));
    this.pending.set(key, made);
    return made;
  }

  private async speak(text: string, language: MessageLanguage, file: string): Promise<MessageFile> {
    if (existsSync(file)) return { file, durationMs: wavDurationMs(readFileSync(file)) };
    mkdirSync(this.dir, { recursive: true });
    // Written aside then renamed: a file under its final name is always whole.
    const partial = `${file}.${process.pid}.part`;
    const { voice, speed } = VOICES[language];
    try {
      await run(this.espeak, ['-v', voice, '-s', String(speed), '-w', partial, '--', text], { timeout: 20_000 });
      const durationMs = wavDurationMs(readFileSync(partial));
      renameSync(partial, file);
      return { file, durationMs };
    } catch (err) {
      rmSync(partial, { force: true });
      throw new Error(`espeak-ng could not speak the ${language} message: ${(err as Error).message}`);
    }
  }
}
