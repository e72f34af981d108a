// Refusals of the quality workspace (grids, evaluations, sampling), FR and EN (spread into server/trpc/refusals.ts).
export const qualityErrorsFr = {
  'error.noSuch.call': 'Appel introuvable.',
  'error.noSuch.evaluation': 'Évaluation introuvable.',
  'error.quality.noGrid': 'Cette campagne n’a pas encore de grille d’évaluation : créez-la dans Grilles.',
  'error.quality.week': 'Une semaine se désigne par son lundi (aaaa-mm-jj), un jour qui existe.',
  'error.quality.incomplete': 'Répondez à chaque critère de la grille (N/A quand il ne s’applique pas) : {criteria}.',
  'error.quality.invalidAnswer': 'Réponse impossible pour : {criteria}.',
  'error.quality.notConnected': 'Seul un appel mis en relation avec un agent peut être évalué.',
  'error.quality.alreadyEvaluated': 'Vous avez déjà évalué cet appel.',
  'error.quality.move': 'Cette évaluation est « {status} » : cette action n’est plus possible.',
} as const;

export const qualityErrorsEn: Record<keyof typeof qualityErrorsFr, string> = {
  'error.noSuch.call': 'No such call.',
  'error.noSuch.evaluation': 'No such evaluation.',
  'error.quality.noGrid': 'This campaign has no evaluation grid yet: create it under Grids.',
  'error.quality.week': 'A week is named by its Monday (yyyy-mm-dd), a day that exists.',
  'error.quality.incomplete': 'Answer every criterion of the grid (N/A when it does not apply): {criteria}.',
  'error.quality.invalidAnswer': 'Impossible answer for: {criteria}.',
  'error.quality.notConnected': 'Only a call connected to an agent can be evaluated.',
  'error.quality.alreadyEvaluated': 'You have already evaluated this call.',
  'error.quality.move': 'This evaluation is “{status}”: this action is no longer possible.',
};
