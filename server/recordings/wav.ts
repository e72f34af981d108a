// Pure: a WAV's length from its header (the player shows the duration before the audio loads).
export const WAV_HEADER_BYTES = 44;

/** Seconds of audio in a PCM WAV of `size` bytes whose first bytes are `header`; null when it is not one. */
export function wavSeconds(header: Uint8Array, size: number): number | null {
  if (header.length < WAV_HEADER_BYTES) return null;
  const b = Buffer.from(header.buffer, header.byteOffset, header.length);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') return null;
  const byteRate = b.readUInt32LE(28);
  if (byteRate === 0 || size < WAV_HEADER_BYTES) return null;
  return Math.round(((size - WAV_HEADER_BYTES) / byteRate) * 1000) / 1000;
}
