// The pure pieces of recordings: which request starts a listening, a WAV's length, the retention cutoff.
import { describe, expect, it } from 'vitest';
import { wavOf } from '@/dialer/media/recording';
import { isListeningStart } from './playback-log';
import { retentionCutoff } from './policy';
import { wavSeconds } from './wav';

describe('isListeningStart', () => {
  it('counts a GET with no range or a range from byte 0, not a seek, a suffix range nor a HEAD', () => {
    expect(isListeningStart(null)).toBe(true);
    expect(isListeningStart('bytes=0-')).toBe(true);
    expect(isListeningStart('bytes=0-43')).toBe(true);
    expect(isListeningStart('bytes=1000-')).toBe(false);
    expect(isListeningStart('bytes=-100')).toBe(false);
    expect(isListeningStart('bytes=0-', 'HEAD')).toBe(false);
    // Not one plain range: answered whole, so a listening.
    expect(isListeningStart('bytes=0-1,5-9')).toBe(true);
  });
});

describe('wavSeconds', () => {
  it('reads the length of a PCM WAV from its header and size', () => {
    const wav = wavOf(new Int16Array(8000 * 3));
    expect(wavSeconds(wav.subarray(0, 44), wav.length)).toBe(3);
    expect(wavSeconds(Buffer.from('not a wav file at all, forty-four bytes long!!'), 100)).toBeNull();
    expect(wavSeconds(wav.subarray(0, 10), wav.length)).toBeNull();
  });
});

describe('retentionCutoff', () => {
  it('is the retention in days before now', () => {
    expect(retentionCutoff(Date.UTC(2026, 5, 30), 180)).toBe(Date.UTC(2026, 5, 30) - 180 * 86_400_000);
  });
});
