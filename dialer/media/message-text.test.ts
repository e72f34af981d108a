import { describe, expect, it } from 'vitest';
import { messageLanguage, messageText, spokenNumber } from './message-text';

const facts = { outsourcer: 'Acme Centre d’appels', client: 'Horizon Énergie', callbackNumber: '+33180001001' };

describe('the abandoned-call message (PRODUCT §5: who calls, on whose behalf, a number to call back)', () => {
  it('says it in French with the number in pairs', () => {
    expect(messageText(facts, 'fr')).toBe(
      'Bonjour, ici Acme Centre d’appels pour le compte d\'Horizon Énergie. Aucun conseiller n’est disponible. Rappelez-nous au 01 80 00 10 01. Au revoir.',
    );
    expect(messageText({ ...facts, client: 'Banque Martin' }, 'fr')).toContain('pour le compte de Banque Martin.');
  });

  it('says it in English with the number digit by digit, country code first', () => {
    expect(messageText(facts, 'en')).toBe(
      'Hello, this is Acme Centre d’appels calling on behalf of Horizon Énergie. No adviser is free. Call us back on plus 3 3, 1 8 0 0 0 1 0 0 1. Goodbye.',
    );
  });

  it('gives no number when the campaign has none, and cleans names a speech engine would trip on', () => {
    expect(messageText({ outsourcer: ' Acme\n <b>Call</b> ', client: 'Horizon', callbackNumber: null }, 'fr')).toBe(
      'Bonjour, ici Acme b Call /b pour le compte d\'Horizon. Aucun conseiller n’est disponible. Au revoir.',
    );
    expect(messageText({ ...facts, callbackNumber: null }, 'en')).not.toMatch(/call us back/);
  });

  it('reads a foreign number in its international form in French', () => {
    expect(spokenNumber('+442079460000', 'fr')).toBe('+44 20 7946 0000');
    expect(spokenNumber('+442079460000', 'en')).toBe('plus 4 4, 2 0 7 9 4 6 0 0 0 0');
  });

  it('speaks French to French-speaking countries (overseas France included), English to the others', () => {
    expect(messageLanguage('+33612000001')).toBe('fr');
    expect(messageLanguage('+262262123456')).toBe('fr');
    expect(messageLanguage('+3225551234')).toBe('fr');
    expect(messageLanguage('+447700900123')).toBe('en');
    expect(messageLanguage('+14155550123')).toBe('en');
    expect(messageLanguage('not a number')).toBe('en');
  });
});
