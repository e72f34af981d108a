// A contact's time zones from its number's country (libphonenumber gives the country at import). A country
// spanning several zones yields them all: the calling-hours rule must then hold in every one.
import { getCountry } from 'countries-and-timezones';

/** None for a number of unknown country: the campaign's zone applies, read at dial time (it may change). */
export function contactTimeZones(country: string): string[] {
  const zones = country ? getCountry(country.toUpperCase())?.timezones : undefined;
  return zones?.length ? [...zones] : [];
}
