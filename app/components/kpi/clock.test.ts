import { describe, expect, it } from 'vitest';
import { clock, countedSeconds } from './clock';

describe('durations counted on the page', () => {
  it('counts on from the server’s figure by the browser’s own clock', () => {
    expect(countedSeconds(42, 1_000_000, 1_000_000)).toBe(42);
    expect(countedSeconds(42, 1_000_000, 1_005_400)).toBe(47);
    // A refetch answered "earlier" than the tick: never backwards below the figure.
    expect(countedSeconds(42, 1_000_000, 999_000)).toBe(42);
  });

  it('writes minutes and seconds, hours when there are', () => {
    expect(clock(7)).toBe('0:07');
    expect(clock(754)).toBe('12:34');
    expect(clock(3723)).toBe('1:02:03');
  });
});
