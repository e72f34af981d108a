// Converts the UCI "Bank Marketing" sample (../shared/datasets) into outbound `call` records.
//
// Each row is a contact's last call of the campaign, answered and connected (its `duration` is the talk
// time); `y = yes` is a conversion. The file has no dates: calls are laid out one a minute from a fixed
// Monday 2026-03-02 09:00 UTC, in file order, so the output is deterministic.
export interface UciConversion {
  records: Record<string, unknown>[];
  counts: { rows: number; yes: number };
}

export function convertUciBank(csv: string, campaign: string): UciConversion {
  const lines = csv.split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split(';').map((h) => h.replace(/"/g, ''));
  const iDuration = header.indexOf('duration');
  const iY = header.indexOf('y');
  const t0 = Date.UTC(2026, 2, 2, 9, 0, 0);
  const counts = { rows: 0, yes: 0 };
  const records = lines.slice(1).map((line, i) => {
    const f = line.split(';').map((v) => v.replace(/"/g, ''));
    const converted = f[iY] === 'yes';
    counts.rows++;
    if (converted) counts.yes++;
    const started = t0 + i * 60_000;
    const answered = started + 8_000;
    const connected = answered + 1_000;
    return {
      kind: 'call', id: `uci-${i + 1}`, campaign, direction: 'outbound', contact: `contact-${i + 1}`,
      started_at: new Date(started).toISOString(), answered_at: new Date(answered).toISOString(),
      connected_at: new Date(connected).toISOString(), ended_at: new Date(connected + Number(f[iDuration]) * 1000).toISOString(),
      outcome: 'connected', converted,
    };
  });
  return { records, counts };
}
