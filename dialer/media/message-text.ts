// The abandoned-call message (PRODUCT §5): a person who answered and found no agent hears who calls, on whose
// behalf and a number to call back, in French or in English (pure). The text is spoken by espeak-ng
// (message-audio.ts); it is kept short, since the message leg is bounded by the campaign's `messageSeconds`.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const MESSAGE_LANGUAGES = ['fr', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** What the message says of the campaign: the outsourcer calling, the client it calls for, the campaign's number. */
export interface MessageFacts {
  outsourcer: string;
  client: string;
  /** The campaign's caller ID (E.164), the number to call back; without one the message gives none. */
  callbackNumber: string | null;
}

/** Countries (ISO 3166) whose people hear the French message; everybody else hears the English one. */
const FRENCH_SPEAKING = new Set([
  'FR', 'MC', 'BE', 'LU', 'CH',
  // France's overseas departments and territories have country codes of their own.
  'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC',
]);

/** The message's language for the number called: French for French-speaking countries, English otherwise. */
export function messageLanguage(phone: string): MessageLanguage {
  const country = parsePhoneNumberFromString(phone)?.country;
  return country && FRENCH_SPEAKING.has(country) ? 'fr' : 'en';
}

/**
 * The callback number as it is to be read out. French: a French number in its national form, read in pairs the
 * French way (« 01 80 00 10 01 »), any other in its international form. English: the international form digit by
 * digit (« plus 3 3, 1 8 0 0 … »), which a speech engine would otherwise read as large numbers.
 */
export function spokenNumber(e164: string, language: MessageLanguage): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (language === 'fr') return !parsed ? e164 : parsed.country === 'FR' ? parsed.formatNational() : parsed.formatInternational();
  const digits = (s: string) => s.replace(/\D/g, '').split('').join(' ');
  if (!parsed) return `plus ${digits(e164)}`;
  return `plus ${digits(parsed.countryCallingCode)}, ${digits(parsed.nationalNumber)}`;
}

/** Names as spoken: single spaces, no characters a speech engine would read out or choke on. */
const clean = (name: string) => name.replace(/[<>{}[\]\\|_*#]/g, ' ').replace(/\s+/g, ' ').trim();

/** « pour le compte de Horizon » → « d'Horizon » before a vowel or a mute h, as a French speaker says it. */
const deFrench = (name: string) => (/^[aeiouyhàâäéèêëîïôöùûü]/i.test(name) ? `d'${name}` : `de ${name}`);

/** The message's text in the language given. */
export function messageText(facts: MessageFacts, language: MessageLanguage): string {
  const outsourcer = clean(facts.outsourcer);
  const client = clean(facts.client);
  const number = facts.callbackNumber ? spokenNumber(facts.callbackNumber, language) : null;
  if (language === 'fr') {
    return [
      `Bonjour, ici ${outsourcer} pour le compte ${deFrench(client)}.`,
      'Aucun conseiller n’est disponible.',
      number ? `Rappelez-nous au ${number}.` : null,
      'Au revoir.',
    ].filter(Boolean).join(' ');
  }
  return [
    `Hello, this is ${outsourcer} calling on behalf of ${client}.`,
    'No adviser is free.',
    number ? `Call us back on ${number}.` : null,
    'Goodbye.',
  ].filter(Boolean).join(' ');
}
