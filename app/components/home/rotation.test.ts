import { describe, expect, it } from 'vitest';
import { rotationSeconds } from './rotation';

describe('rotationSeconds', () => {
  it('reads seconds per campaign, within bounds, and none for nonsense', () => {
    expect(rotationSeconds('10')).toBe(10);
    expect(rotationSeconds('1')).toBe(3);
    expect(rotationSeconds('99999')).toBe(600);
    for (const v of [null, '', 'abc', '0', '-5']) expect(rotationSeconds(v)).toBeNull();
  });
});
