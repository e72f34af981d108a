// Test records for the abandon tally: calls of ACME-OUT answered by a person.

const iso = (t: number) => new Date(t).toISOString();

/** Two calls answered by a person that started at `t`: one dropped (no agent), one put through in time. */
export function answeredPair(id: string, t: number): Record<string, unknown>[] {
  const base = { kind: 'call', campaign: 'ACME-OUT', direction: 'outbound', phone: '+33612000001', started_at: iso(t), answered_at: iso(t + 5_000) };
  return [
    { ...base, id: `${id}-drop`, ended_at: iso(t + 10_000), outcome: 'abandoned' },
    { ...base, id: `${id}-ok`, connected_at: iso(t + 6_000), ended_at: iso(t + 60_000), outcome: 'connected' },
  ];
}
