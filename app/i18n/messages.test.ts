import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, messages, translate } from './messages';

describe('messages', () => {
  it('has every French key in English and no empty text', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.fr).sort());
    for (const locale of ['fr', 'en'] as const) {
      for (const text of Object.values(messages[locale])) expect(text.trim()).not.toBe('');
    }
  });

  it('fills variables', () => {
    expect(translate('en', 'home.client.lead', { org: 'Acme' })).toContain('Acme');
  });

  it('picks the browser language by preference, French by default', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR')).toBe('fr');
    expect(localeFromAcceptLanguage('de-DE')).toBe('fr');
    expect(localeFromAcceptLanguage(undefined)).toBe('fr');
  });
});
