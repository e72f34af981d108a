// Refusals the server words for the person (user-error.ts), FR and EN: the server owns them, the portal's message
// catalogue (app/i18n) includes them and shows them in the user's language, API callers and logs get the English.
import { numbersErrorsEn, numbersErrorsFr } from '@/server/numbers/refusals';

export const errorsFr = {
  ...numbersErrorsFr,
  'error.signIn': 'Connectez-vous d’abord.',
  'error.accountGone': 'Ce compte n’existe plus.',
  'error.tooManyWaiting': 'Trop de demandes en attente pour ce compte : patientez quelques secondes avant de réessayer.',
  'error.reserved': 'Réservé aux rôles : {roles}.',
  'error.noSuch.campaign': 'Campagne introuvable.',
  'error.noSuch.partnership': 'Partenariat introuvable.',
  'error.noSuch.workspace': 'Espace partagé introuvable.',
  'error.noSuch.file': 'Fichier introuvable.',
  'error.noSuch.document': 'Document introuvable.',
  'error.noSuch.version': 'Version introuvable.',
  'error.noSuch.list': 'Liste introuvable.',
  'error.noSuch.key': 'Clé introuvable.',
  'error.noSuch.campaignInPartnership': 'Cette campagne n’appartient pas à ce partenariat.',
  'error.noSuch.subjectInPartnership': 'Cet élément n’appartient pas à cet espace partagé.',
  'error.comparisonOutsourcer': 'La comparaison des agents est réservée au centre de contacts.',
  'error.optOutOutsourcer': 'Les listes d’opposition appartiennent au centre de contacts.',
  'error.apiKeysOutsourcer': 'Les clés d’API appartiennent aux centres de contacts.',
  'error.cdrImportOutsourcer': 'Seul le centre de contacts importe des enregistrements d’appels.',
  'error.fileUnreadable': 'Ce fichier ne peut pas être lu : {detail}',
  'error.outboundLists': 'Les listes de contacts sont réservées aux campagnes sortantes.',
  'error.missingColumn': 'Le fichier n’a pas de colonne « {column} ».',
  'error.sign.already_signed': 'Cette version est déjà signée et ne peut plus changer.',
  'error.sign.own_proposal': 'Une version doit être signée par l’autre partie du partenariat, pas par celle qui l’a proposée.',
  'error.sign.superseded': 'Une version plus récente existe : seule la dernière peut être signée.',
  'error.numberTaken': 'Ce numéro appartient déjà à une campagne d’un autre client, ou à une autre ligne entrante : il n’a pas été enregistré.',
};

export const errorsEn: Record<keyof typeof errorsFr, string> = {
  ...numbersErrorsEn,
  'error.signIn': 'Sign in first.',
  'error.accountGone': 'This account no longer exists.',
  'error.tooManyWaiting': 'Too many requests of this account are waiting: wait a few seconds before trying again.',
  'error.reserved': 'Reserved to: {roles}.',
  'error.noSuch.campaign': 'No such campaign.',
  'error.noSuch.partnership': 'No such partnership.',
  'error.noSuch.workspace': 'No such workspace.',
  'error.noSuch.file': 'No such file.',
  'error.noSuch.document': 'No such document.',
  'error.noSuch.version': 'No such version.',
  'error.noSuch.list': 'No such list.',
  'error.noSuch.key': 'No such key.',
  'error.noSuch.campaignInPartnership': 'No such campaign in this partnership.',
  'error.noSuch.subjectInPartnership': 'No such item in this workspace.',
  'error.comparisonOutsourcer': 'Agent comparison is for the contact center.',
  'error.optOutOutsourcer': 'Opt-out lists belong to the contact center.',
  'error.apiKeysOutsourcer': 'API keys belong to outsourcer organizations.',
  'error.cdrImportOutsourcer': 'Only the contact center imports call records.',
  'error.fileUnreadable': 'This file cannot be read: {detail}',
  'error.outboundLists': 'Contact lists are for outbound campaigns.',
  'error.missingColumn': 'The file has no column "{column}".',
  'error.sign.already_signed': 'This version is already signed and cannot change.',
  'error.sign.own_proposal': 'A version must be signed by the other side of the partnership, not by the side that proposed it.',
  'error.sign.superseded': 'A newer version exists: only the latest version can be signed.',
  'error.numberTaken': 'This number already belongs to another client’s campaign, or to another inbound line: it was not saved.',
};

export type RefusalKey = keyof typeof errorsFr;

/** A text with its `{name}` placeholders filled (every message of the portal is written this way). */
export function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

/** The refusal in French or English. */
export function refusalText(locale: 'fr' | 'en', key: RefusalKey, vars: Record<string, string> = {}): string {
  return interpolate((locale === 'fr' ? errorsFr : errorsEn)[key], vars);
}
