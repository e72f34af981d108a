// A first guess of which column of a file holds which field, from the common French and English names of its
// header (pure): the one way every import (contact files, CDR exports) reads a header. Accents, case, spaces and
// punctuation do not count: « Téléphone », "TELEPHONE" and "tele-phone" are the same name.
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** For each field, the first column whose name is one of the field's names; fields without one are left out. */
export function guessColumns<F extends string>(headers: readonly string[], names: Record<F, readonly string[]>): Partial<Record<F, string>> {
  const guess: Partial<Record<F, string>> = {};
  for (const field of Object.keys(names) as F[]) {
    const keys = new Set(names[field].map(headerKey));
    const column = headers.find((h) => keys.has(headerKey(h)));
    if (column !== undefined) guess[field] = column;
  }
  return guess;
}
