// Pure: cells and lines of every CSV the product writes (rejected rows, reports, exports). RFC 4180 quoting, and
// formula injection neutralized: a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe, so a contact file's `=HYPERLINK(…)` reaches the other side's manager as text (OWASP's advice).

/** French Excel's list separator: the default of the files we write for people. */
export const EXCEL_FR_SEPARATOR = ';';
/** Tells Excel the file is UTF-8 (accents intact). */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number or phone number (+33 6 12 34 56 78, -1.5, -(2)) is data, not a formula: left as it is.
const SIGNED_NUMBER = /^[+-][\d\s.,()]*$/;

/** Neutralizes a text a spreadsheet would evaluate. Numbers are written by `csvCell` as numbers, never touched. */
export function inertText(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null | undefined, separator = EXCEL_FR_SEPARATOR): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : inertText(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[], separator = EXCEL_FR_SEPARATOR): string {
  return `${values.map((v) => csvCell(v, separator)).join(separator)}\r\n`;
}
