// What a customer on hold hears: a soft arpeggio (C major, A minor, F major, G major; a bar each), generated
// rather than shipped, so the repo holds no audio of uncertain licence. 8 kHz mono like G.711, about -20 dBFS,
// each note faded in and out so the loop never clicks. Pure; `writeHoldMusic` writes it once into a directory.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_RATE, wavOf } from './recording';

const CHORDS = [[261.63, 329.63, 392.0, 523.25], [220.0, 261.63, 329.63, 440.0], [174.61, 220.0, 261.63, 349.23], [196.0, 246.94, 293.66, 392.0]];
const NOTE_SECONDS = 0.5;
const PEAK = 0.14 * 32767;

/** The loop's samples: 4 chords × 4 notes × 0.5 s = 8 s. */
export function holdMusicSamples(rate = SAMPLE_RATE): Int16Array {
  const noteLength = Math.round(NOTE_SECONDS * rate);
  const notes = CHORDS.flat();
  const out = new Int16Array(notes.length * noteLength);
  const fade = Math.round(0.04 * rate);
  notes.forEach((f, n) => {
    for (let i = 0; i < noteLength; i++) {
      const envelope = Math.min(1, i / fade, (noteLength - i) / fade) * Math.exp(-1.6 * (i / noteLength));
      // The note and its octave, softly: a plain sine sounds like a test tone.
      const t = i / rate;
      const v = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
      out[n * noteLength + i] = Math.round((PEAK * envelope * v) / 1.3);
    }
  });
  return out;
}

/** Writes the hold music as `hold-music.wav` in `dir` (once; written aside and renamed, so it is always whole). */
export function writeHoldMusic(dir: string): string {
  const file = path.join(dir, 'hold-music.wav');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.part`, wavOf(holdMusicSamples()));
  renameSync(`${file}.part`, file);
  return file;
}
