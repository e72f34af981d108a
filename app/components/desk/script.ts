// A campaign's script with the contact's fields filled in: `{{first_name}}`, `{{phone}}`, any column of the contact
// file. A field the contact does not have shows as an ellipsis, so the agent sees there is something to ask; with
// no contact on screen, each field shows its name in brackets (the script as it will read). Pure.

export function fillScript(script: string, fields: Record<string, string | undefined> | null): string {
  return script.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, key: string) => {
    if (!fields) return `[${key}]`;
    const value = fields[key] ?? fields[key.toLowerCase()];
    return value ? value : '…';
  });
}

/** The script's sections (its `#`/`##` headings), for the agent to jump between. */
export function scriptSections(script: string): { id: string; title: string }[] {
  return [...script.matchAll(/^#{1,2}\s+(.+)$/gm)].map((m, i) => ({ id: `section-${i}`, title: m[1]!.trim() }));
}
