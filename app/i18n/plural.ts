// Which form of a counted word a language uses for a number: French says « 0 réponse » and « 1 réponse », English
// « 0 answers » and « 1 answer ». Messages that count have a `.one` and an `.other` key.
import type { Locale } from './messages';

export const pluralForm = (locale: Locale, count: number): 'one' | 'other' =>
  new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
