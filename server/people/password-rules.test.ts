import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

describe('password rules', () => {
  it('accepts 12 characters or more, not the e-mail, not one character repeated', () => {
    expect(passwordProblems('cheval-batterie-agrafe', 'jeanne@acme.test')).toEqual([]);
    expect(passwordProblems('abcdefghijkl', 'x@y.test')).toEqual([]);
  });
  it('refuses a short one, counting characters (not bytes)', () => {
    expect(passwordProblems('abcdefghijk', 'x@y.test')).toEqual(['error.password.short']);
    expect(passwordProblems('éèàùçôîâêûëï', 'x@y.test')).toEqual([]);
  });
  it('refuses one over 200 characters', () => {
    expect(passwordProblems('abcd1'.repeat(41), 'x@y.test')).toEqual(['error.password.long']);
  });
  it('refuses the e-mail address or its name part inside', () => {
    expect(passwordProblems('Jeanne@Acme.test', 'jeanne@acme.test')).toContain('error.password.email');
    expect(passwordProblems('jeanne.durand2026!', 'jeanne.durand@acme.test')).toEqual(['error.password.email']);
    // A name part of 3 letters is too common to refuse inside longer words.
    expect(passwordProblems('bobsleigh-en-hiver', 'bob@acme.test')).toEqual([]);
  });
  it('refuses a character repeated, or nearly', () => {
    expect(passwordProblems('aaaaaaaaaaaa', 'x@y.test')).toEqual(['error.password.repeated']);
    expect(passwordProblems('abababababab', 'x@y.test')).toEqual(['error.password.repeated']);
  });
});
