// The ranges a KPI query may ask for, one rule for the portal's procedures and the public API: instants the KPI
// tables hold, `to` after `from`, and a bounded span, so a query cannot ask the engine for centuries.
import type { z } from 'zod';
import { INSTANT_RANGE_TEXT, storableInstant } from '@/server/ingest/instant';
/** Three years and a bit: a year-on-year report fits, a runaway query does not. */
export const KPI_RANGE_MAX_DAYS = 1_100;

/** Adds the range's problems to a zod refinement, on the field they concern. */
export function checkKpiRange(q: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (!storableInstant(q.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: INSTANT_RANGE_TEXT });
  if (!storableInstant(q.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: INSTANT_RANGE_TEXT });
  if (q.to <= q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (q.to - q.from > KPI_RANGE_MAX_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${KPI_RANGE_MAX_DAYS} days after from` });
}
