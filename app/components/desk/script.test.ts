import { describe, expect, it } from 'vitest';
import { fillScript, scriptSections } from './script';

describe('the desk script', () => {
  it('fills the contact’s fields, and shows an ellipsis for a field the contact lacks', () => {
    const script = 'Bonjour {{first_name}} {{ last_name }}, vous êtes bien au {{phone}} ? Votre offre : {{Offre}} ({{segment}})';
    expect(fillScript(script, { first_name: 'Inès', last_name: 'Martin', phone: '+33612345678', offre: 'Gaz vert' }))
      .toBe('Bonjour Inès Martin, vous êtes bien au +33612345678 ? Votre offre : Gaz vert (…)');
  });

  it('lists the sections to jump between', () => {
    expect(scriptSections('# Accueil\nBonjour\n## Découverte\nQuestions\n### détail\n# Conclusion')).toEqual([
      { id: 'section-0', title: 'Accueil' }, { id: 'section-1', title: 'Découverte' }, { id: 'section-2', title: 'Conclusion' },
    ]);
  });
});
