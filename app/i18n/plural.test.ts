import { describe, expect, it } from 'vitest';
import { pluralForm } from './plural';

describe('pluralForm', () => {
  it('is singular for 0 and 1 in French, for 1 only in English', () => {
    expect([0, 1, 2, 1.5].map((n) => pluralForm('fr', n))).toEqual(['one', 'one', 'other', 'one']);
    expect([0, 1, 2].map((n) => pluralForm('en', n))).toEqual(['other', 'one', 'other']);
  });
});
