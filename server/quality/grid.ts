// An evaluation grid (PRODUCT §7), pure: its sections and weighted criteria, the input schema a save is checked
// with, the answers an evaluation gives, and the default grid new campaigns (and the demo) start from.
import { z } from 'zod';

/** How a criterion is answered: yes / no / not applicable, or a scale 0…max (also N/A). */
export const ANSWER_TYPES = ['yes_no', 'scale'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const MAX_SCALE = 10;
export const MAX_WEIGHT = 100;

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const criterionSchema = z.object({
  id,
  label: z.string().trim().min(1).max(200),
  guidance: z.string().trim().max(2000).default(''),
  weight: z.number().positive().max(MAX_WEIGHT),
  answer: z.enum(ANSWER_TYPES),
  /** The top of the scale (scale criteria only; 1 for yes/no). */
  max: z.number().int().min(1).max(MAX_SCALE).default(1),
  /** A failed eliminatory criterion (no, or 0 on a scale) scores the whole evaluation 0. */
  eliminatory: z.boolean().default(false),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const sectionSchema = z.object({
  id,
  title: z.string().trim().min(1).max(200),
  criteria: z.array(criterionSchema).min(1).max(50),
});
export type Section = z.infer<typeof sectionSchema>;

/** The sections of a grid, as a save sends them: at least one criterion, ids unique across the grid. */
export const sectionsSchema = z.array(sectionSchema).min(1).max(20).superRefine((sections, ctx) => {
  const seen = new Set<string>();
  for (const s of sections) {
    for (const c of s.criteria) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `criterion id ${c.id} twice`, path: ['criteria', c.id] });
      seen.add(c.id);
    }
  }
});

/** One criterion's answer: yes, no, not applicable, or a value of its scale. */
export type Answer = 'yes' | 'no' | 'na' | number;
export const answerSchema = z.union([z.enum(['yes', 'no', 'na']), z.number().int().min(0).max(MAX_SCALE)]);
export const answersSchema = z.record(id, answerSchema);
export type Answers = Record<string, Answer>;

/** A comment pinned to a time of the recording (seconds from its start). */
export const commentSchema = z.object({ at: z.number().min(0).max(24 * 3600), text: z.string().trim().min(1).max(2000) });
export type PinnedComment = z.infer<typeof commentSchema>;

export interface GridVersion {
  campaign_id: string;
  version: number;
  name: string;
  sections: Section[];
  edited_by_name: string;
  /** ISO instant. */
  edited_at: string;
}

export const criteriaOf = (sections: readonly Section[]): Criterion[] => sections.flatMap((s) => s.criteria);

/** Scale criteria keep their max; yes/no ones hold max 1 (what a save stores). */
export function normaliseSections(sections: Section[]): Section[] {
  return sections.map((s) => ({ ...s, criteria: s.criteria.map((c) => ({ ...c, max: c.answer === 'scale' ? c.max : 1 })) }));
}

/** Whether `answer` is one `c` accepts: yes/no/na for yes/no, 0…max or na for a scale. */
export function fitsCriterion(c: Criterion, answer: Answer): boolean {
  if (answer === 'na') return true;
  if (c.answer === 'yes_no') return answer === 'yes' || answer === 'no';
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 0 && answer <= c.max;
}

/** The criteria of the grid left without an answer, and those whose answer does not fit: a submission needs neither. */
export function checkAnswers(sections: readonly Section[], answers: Answers): { missing: string[]; invalid: string[]; unknown: string[] } {
  const criteria = criteriaOf(sections);
  const known = new Set(criteria.map((c) => c.id));
  return {
    missing: criteria.filter((c) => answers[c.id] === undefined).map((c) => c.id),
    invalid: criteria.filter((c) => answers[c.id] !== undefined && !fitsCriterion(c, answers[c.id]!)).map((c) => c.id),
    unknown: Object.keys(answers).filter((k) => !known.has(k)),
  };
}

/** Every criterion answered at its best (yes, the top of its scale): test and demo fixtures. */
export const fullMarks = (sections: readonly Section[]): Answers =>
  Object.fromEntries(criteriaOf(sections).map((c) => [c.id, c.answer === 'yes_no' ? 'yes' : c.max]));

const yesNo = (id: string, label: string, weight: number, guidance: string, eliminatory = false): Criterion =>
  ({ id, label, guidance, weight, answer: 'yes_no', max: 1, eliminatory });
const scale = (id: string, label: string, weight: number, guidance: string, max = 4): Criterion =>
  ({ id, label, guidance, weight, answer: 'scale', max, eliminatory: false });

/** The grid a campaign starts with (French contact-center practice), the demo's too. */
export function defaultSections(direction: 'inbound' | 'outbound'): Section[] {
  return [
    { id: 'accueil', title: 'Accueil', criteria: [
      yesNo('presentation', 'Présentation (prénom, société, objet de l’appel)', 2, 'Annonce son prénom et la société dans les 10 premières secondes.'),
      scale('ton', 'Ton et courtoisie', 2, '0 : sec ou impoli · 4 : chaleureux, sourire dans la voix.'),
    ] },
    { id: 'decouverte', title: 'Découverte du besoin', criteria: [
      scale('questions', 'Questions ouvertes et écoute active', 3, 'Laisse parler le client, reformule sa demande.'),
      yesNo('identification', direction === 'inbound' ? 'Identification du client' : 'Vérification de l’interlocuteur', 1, 'Nom et numéro de client, ou titulaire du contrat.'),
    ] },
    { id: 'argumentation', title: direction === 'inbound' ? 'Traitement de la demande' : 'Argumentation', criteria: [
      scale('argumentaire', direction === 'inbound' ? 'Réponse exacte et complète' : 'Argumentaire adapté au besoin', 3, 'Appuie la réponse sur le besoin exprimé, sans jargon.'),
      scale('objections', 'Traitement des objections', 2, 'Accueille l’objection, la reformule, y répond.'),
    ] },
    { id: 'conformite', title: 'Conformité', criteria: [
      yesNo('mentions', 'Mentions légales (enregistrement, droit d’opposition)', 1, 'Annonce l’enregistrement de l’appel et le droit de s’opposer au démarchage (Bloctel). Éliminatoire.', true),
    ] },
    { id: 'conclusion', title: 'Conclusion', criteria: [
      yesNo('recap', 'Récapitulatif et prochaine étape', 2, 'Résume ce qui a été convenu et la suite.'),
      yesNo('conge', 'Prise de congé', 1, 'Remercie le client et le salue.'),
    ] },
  ];
}
