import { describe, expect, it } from 'vitest';
import { fillScript, scriptSections } from './script';

describe('the desk script', () => {
  it('fills the contact’s fields, and shows an ellipsis for a field the contact lacks', () => {
    const script = 'Bonjour {{first_name}} {{ last_name }}, vous êtes bien au {{phone}} ? Votre offre : {{Offre}} ({{segment}})';
    expect(fillScript(script, { first_name: 'Inès', last_name: 'Martin', phone: '+33612345678', offre: 'Gaz vert' }))
      .toBe('Bonjour Inès Martin, vous êtes bien au +33612345678 ? Votre offre : Gaz vert (…)');
  });

  it('names each field in brackets when no contact is on screen', () => {
    expect(fillScript('Bonjour {{first_name}} ({{phone}})', null)).toBe('Bonjour [first_name] ([phone])');
  });

  it('lists the sections to jump between', () => {
    expect(scriptSections('# Accueil\nBonjour\n## Découverte\nQuestions\n### détail\n# Conclusion')).toEqual([
      { id: 'section-0', title: 'Accueil' }, { id: 'section-1', title: 'Découverte' }, { id: 'section-2', title: 'Conclusion' },
    ]);
  });
});

describe('a number as the agent reads it', async () => {
  const { displayPhone } = await import('./display-phone');
  it('is national for France, international elsewhere, as given when not a number', () => {
    expect(displayPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(displayPhone('+447911123456')).toBe('+44 7911 123456');
    expect(displayPhone('inconnu')).toBe('inconnu');
  });
});
