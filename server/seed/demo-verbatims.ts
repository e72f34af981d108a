// The demo's survey verbatims (French, plausible, by score band) and the follow-ups of some detractors, so the survey
// inbox is not empty on a first start. Deterministic: picked by a generator of their own.
import type { Clickhouse } from '@/clickhouse/client';
import { putFollowup } from '@/clickhouse/queries/surveys';
import { tenancy } from '@/clickhouse/queries/tenancy';

/** Detractors' words; those that say the problem is still there are never a resolved case's. */
const UNSOLVED = [
  'Trois transferts avant d’avoir quelqu’un de compétent, et toujours pas de solution.',
  'On m’avait promis un rappel sous 48 h, je n’ai jamais été rappelé.',
  'Conseiller aimable mais ma facture est toujours fausse.',
];
const DETRACTORS = [
  ...UNSOLVED,
  'Attente beaucoup trop longue, j’ai failli raccrocher.',
  'Réponse toute faite, on ne m’a pas écouté.',
  '',
];
const RESOLVED_DETRACTORS = DETRACTORS.filter((v) => !UNSOLVED.includes(v));
const PASSIVES = [
  'Correct, mais il a fallu expliquer deux fois mon problème.',
  'Demande traitée, un peu d’attente au départ.',
  'Bien dans l’ensemble.',
  '',
];
const PROMOTERS = [
  'Conseillère très à l’écoute, problème réglé en cinq minutes. Merci !',
  'Rapide et efficace, rien à redire.',
  'Enfin quelqu’un qui comprend ma situation, merci pour votre patience.',
  'Très bon accueil, explications claires sur mon contrat.',
  '',
];

/**
 * A verbatim for a score, picked by `random` (the customer may leave none); a case marked `resolved` never says it is
 * not (« toujours pas de solution » beside « Résolu : oui » reads as a broken survey).
 */
export function demoVerbatim(score: number, random: () => number, resolved?: boolean): string {
  const list = score <= 6 ? (resolved ? RESOLVED_DETRACTORS : DETRACTORS) : score <= 8 ? PASSIVES : PROMOTERS;
  return list[Math.floor(random() * list.length)]!;
}

const NOTES: [status: 'new' | 'contacted' | 'closed', note: string][] = [
  ['contacted', 'Client rappelé, rendez-vous technicien proposé.'],
  ['closed', 'Facture corrigée et avoir de 15 € accordé. Client satisfait de la solution.'],
  ['contacted', 'Message laissé sur répondeur, nouvel essai demain.'],
  ['closed', 'Rappel effectué : le dossier était déjà résolu entre-temps.'],
];

/** Follow-ups of the first detractors' answers (one in two), in every state, owned by the demo's quality analyst. */
export async function seedDemoFollowups(ch: Clickhouse, orgId: string, surveys: { id: string; campaign: string; score: number }[], now: number): Promise<void> {
  const users = await tenancy.usersOfOrg(ch, orgId);
  const quality = users.find((u) => u.role === 'quality');
  const manager = users.find((u) => u.role === 'manager');
  if (!quality || !manager) return;
  const campaigns = new Map((await tenancy.campaignsOfPartnerships(ch, (await tenancy.partnershipsOfOrg(ch, orgId)).map((p) => p.id))).map((c) => [c.code, c.id]));
  const detractors = surveys.filter((s) => s.score <= 6).slice(0, 2 * NOTES.length).filter((_, i) => i % 2 === 0);
  for (const [i, s] of detractors.entries()) {
    const [status, note] = NOTES[i]!;
    const base = { org_id: orgId, campaign_id: campaigns.get(s.campaign) ?? '', survey_id: s.id, owner_id: quality.id, updated_by: quality.id, updated_by_name: quality.name };
    if (status === 'closed') await putFollowup(ch, { ...base, status: 'contacted', note: 'Premier appel au client.', updated_at: now - 3_600_000 });
    await putFollowup(ch, { ...base, status, note, updated_at: now });
  }
}
