import { describe, expect, it } from 'vitest';
import { HoldClock } from './hold-clock';

describe('HoldClock', () => {
  it('adds up the spells on hold, the running one included', () => {
    const c = new HoldClock();
    expect(c.seconds(1_000)).toBe(0);
    c.hold(1_000);
    expect(c.held).toBe(true);
    expect(c.heldSince).toBe(1_000);
    c.resume(13_500);
    expect(c.held).toBe(false);
    c.hold(20_000);
    expect(c.seconds(25_250)).toBe(17.75);
    c.resume(30_000);
    expect(c.seconds(99_000)).toBe(22.5);
  });

  it('ignores a second hold while held and a resume off hold', () => {
    const c = new HoldClock();
    c.resume(5_000);
    c.hold(10_000);
    c.hold(12_000);
    expect(c.heldSince).toBe(10_000);
    c.resume(15_000);
    c.resume(18_000);
    expect(c.seconds(20_000)).toBe(5);
  });
});
