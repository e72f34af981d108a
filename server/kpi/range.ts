// The ranges a KPI query may ask for, one rule for the portal's procedures and the public API: instants the KPI
// tables hold, `to` after `from`, and a bounded span, so a query cannot ask the engine for centuries.
import type { z } from 'zod';

/** The rollups' DateTime is 32-bit unsigned seconds: 1970-01-01 to 2106-02-07T06:28:15Z. */
export const KPI_INSTANT_MIN = 0;
export const KPI_INSTANT_MAX = 4_294_967_295_000;
/** Three years and a bit: a year-on-year report fits, a runaway query does not. */
export const KPI_RANGE_MAX_DAYS = 1_100;

/** Adds the range's problems to a zod refinement, on the field they concern. */
export function checkKpiRange(q: { from: number; to: number }, ctx: z.RefinementCtx): void {
  const outside = (ms: number) => !Number.isFinite(ms) || ms < KPI_INSTANT_MIN || ms > KPI_INSTANT_MAX;
  if (outside(q.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be between 1970-01-01 and 2106-02-07' });
  if (outside(q.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be between 1970-01-01 and 2106-02-07' });
  if (q.to <= q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (q.to - q.from > KPI_RANGE_MAX_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${KPI_RANGE_MAX_DAYS} days after from` });
}
