// Refusals of the survey inbox and its follow-ups, FR and EN (spread into server/trpc/refusals.ts).
export const surveyErrorsFr = {
  'error.noSuch.survey': 'Réponse introuvable.',
  'error.survey.notDetractor': 'Seules les réponses de détracteurs (0 à 6) ont un suivi.',
  'error.survey.move': 'Un suivi ne passe pas de « {from} » à « {to} ».',
  'error.survey.owner': 'Le responsable doit être un manager, un qualiticien ou un administrateur de votre centre.',
};

export const surveyErrorsEn: Record<keyof typeof surveyErrorsFr, string> = {
  'error.noSuch.survey': 'No such answer.',
  'error.survey.notDetractor': 'Only detractors’ answers (0 to 6) have a follow-up.',
  'error.survey.move': 'A follow-up does not go from “{from}” to “{to}”.',
  'error.survey.owner': 'The owner must be a manager, a quality analyst or an administrator of your contact center.',
};
