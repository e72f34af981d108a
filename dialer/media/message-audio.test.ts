// The message's WAV cache, with a stand-in for espeak-ng that writes a fixed WAV and counts its runs.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKey, MessageAudio, wavDurationMs } from './message-audio';

/** A mono 16-bit PCM WAV of `ms` of silence at `rate` Hz. */
function wav(ms: number, rate = 22050): Buffer {
  const data = Buffer.alloc(Math.round((rate * ms) / 1000) * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8); h.write('fmt ', 12); h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24); h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36); h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('the message audio', () => {
  it('reads a WAV\'s duration from its chunks', () => {
    expect(wavDurationMs(wav(7250))).toBe(7250);
    expect(wavDurationMs(wav(1000, 8000))).toBe(1000);
    // A streamed WAV's data size is a placeholder: the file's end counts.
    const streamed = wav(500, 8000);
    streamed.writeUInt32LE(0x7ffff000, 40);
    expect(wavDurationMs(streamed)).toBe(500);
    expect(() => wavDurationMs(Buffer.from('not a wav at all'))).toThrow(/not a WAV/);
  });

  it('keys a message by its text and language', () => {
    expect(messageKey('Bonjour', 'fr')).toBe(messageKey('Bonjour', 'fr'));
    expect(messageKey('Bonjour', 'fr')).not.toBe(messageKey('Bonjour', 'en'));
    expect(messageKey('Bonjour', 'fr')).not.toBe(messageKey('Bonjour.', 'fr'));
  });

  it('speaks each text once, even asked twice at once, and keeps it for the next run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-message-'));
    const source = path.join(dir, 'source.wav');
    writeFileSync(source, wav(6500));
    const runs = path.join(dir, 'runs');
    const fake = path.join(dir, 'fake-espeak');
    // espeak-ng -v <voice> -s <speed> -w <file> -- <text>
    writeFileSync(fake, `#!/bin/sh\necho "$2 $4" >> ${runs}\ncp ${source} "$6"\n`);
    chmodSync(fake, 0o755);
    const audio = new MessageAudio(path.join(dir, 'cache'), fake);
    const [a, b] = await Promise.all([audio.file('Bonjour', 'fr'), audio.file('Bonjour', 'fr')]);
    expect(a).toEqual(b);
    expect(a.durationMs).toBe(6500);
    expect(path.basename(a.file)).toMatch(/^abandon-fr-[0-9a-f]{20}\.wav$/);
    await audio.file('Hello', 'en');
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toEqual(['fr 180', 'en-gb 185']);
    // Another process (a restart) finds the files.
    expect(await new MessageAudio(path.join(dir, 'cache'), fake).file('Bonjour', 'fr')).toEqual(a);
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readdirSync(path.join(dir, 'cache')).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('says so when espeak-ng fails, and leaves no file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-message-'));
    const audio = new MessageAudio(dir, path.join(dir, 'no-such-espeak'));
    await expect(audio.file('Bonjour', 'fr')).rejects.toThrow(/espeak-ng could not speak the fr message/);
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});
