// The demo campaigns' dispositions and scripts, as a manager would have set them up: the codes the demo week's
// calls carry (resolved, follow_up, green_offer, sale, appointment, not_interested), labelled in French, each with
// its flags. A service line's success is a sale made on the way (Acme's customers switching to the green offer), or
// nothing (Horizon's card line sells nothing): « Demande résolue » is resolution (FCR), not a conversion.
import type { Disposition } from '@/server/campaigns/settings';

const d = (code: string, label: string, flags: Partial<Omit<Disposition, 'code' | 'label'>> = {}): Disposition => ({
  code, label, success: false, callback: false, refusal: false, dnc: false, ...flags,
});

const OUTBOUND_COMMON = [
  d('callback', 'Rappel demandé', { callback: true }),
  d('not_interested', 'Pas intéressé', { refusal: true }),
  d('do_not_call', 'Ne plus appeler', { dnc: true }),
  d('wrong_number', 'Faux numéro'),
];

export const DEMO_CATALOGUES: Record<string, { dispositions: Disposition[]; script: string }> = {
  'ACME-IN': {
    dispositions: [
      d('resolved', 'Demande résolue'), d('green_offer', 'Offre verte souscrite', { success: true }), d('follow_up', 'Suivi nécessaire'),
      d('callback', 'Rappel client', { callback: true }),
    ],
    script: [
      '# Accueil', 'Acme Energie, bonjour, votre conseiller à votre écoute. Puis-je avoir votre numéro de client ?',
      '# Diagnostic', 'Reformulez la demande ; vérifiez l’adresse du point de livraison et le dernier relevé.',
      '# Offre', 'Demande traitée et client au tarif réglementé : proposez l’offre verte (100 % renouvelable, prix fixe deux ans).',
      '# Conclusion', 'Avez-vous d’autres questions ? Merci de votre appel, bonne journée.',
    ].join('\n\n'),
  },
  'ACME-OUT': {
    dispositions: [d('sale', 'Vente offre verte', { success: true }), ...OUTBOUND_COMMON],
    script: [
      '# Présentation', 'Bonjour {{first_name}} {{last_name}}, je vous appelle de la part d’Acme Energie au sujet de votre contrat d’électricité.',
      '# Découverte', 'Votre consommation annuelle ? Êtes-vous chauffé à l’électricité ? Segment : {{segment}}.',
      '# Offre', 'L’offre verte : 100 % d’origine renouvelable, prix fixe deux ans.',
      '# Conclusion', 'Je récapitule… Vous recevrez la confirmation par e-mail à {{email}}.',
    ].join('\n\n'),
  },
  'HORIZON-IN': {
    dispositions: [d('resolved', 'Demande résolue'), d('follow_up', 'Suivi nécessaire')],
    script: '# Accueil\n\nBanque Horizon, assistance cartes, bonjour. Vérifiez l’identité du client avant toute opération.',
  },
  'HORIZON-OUT': {
    dispositions: [d('appointment', 'Rendez-vous pris', { success: true }), ...OUTBOUND_COMMON],
    script: '# Présentation\n\nBonjour {{first_name}}, Banque Horizon. Je vous appelle au sujet de votre projet de crédit.',
  },
};
