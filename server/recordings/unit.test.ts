// The pure pieces of recordings: which request starts a listening, a WAV's length, the retention cutoff.
import { describe, expect, it } from 'vitest';
import { wavOf } from '@/dialer/media/recording';
import { LISTENING_MS, startsListening } from './playback-log';
import { retentionCutoff } from './policy';
import { wavSeconds } from './wav';

describe('startsListening', () => {
  it('makes one listening of a person’s requests for a call’s audio within 30 minutes, whatever their ranges', () => {
    const seen = new Map<string, number>();
    expect(startsListening(seen, 'u1|call-1', 0)).toBe(true);
    // The player's next ranges, a seek, a suffix range: the same listening.
    expect(startsListening(seen, 'u1|call-1', 1_000)).toBe(false);
    expect(startsListening(seen, 'u1|call-1', LISTENING_MS - 1)).toBe(false);
    // Another person, another call: their own listenings.
    expect(startsListening(seen, 'u2|call-1', 1_000)).toBe(true);
    expect(startsListening(seen, 'u1|call-2', 1_000)).toBe(true);
    // Back after the window: a new listening.
    expect(startsListening(seen, 'u1|call-1', LISTENING_MS + 1)).toBe(true);
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
