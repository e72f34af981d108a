// How people's names are ordered in every list: numbers in their order (Agent 2 before Agent 10), case and accents
// aside, French rules. Pure, so the browser's sortable tables and the server's lists order alike.
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);
