// The dialer page's rows as dialer.state answers them, so the cards follow the router rather than the dialer's files.
import type { RouterOutputs } from '@/app/trpc/types';

export type DialerRow = RouterOutputs['dialer']['state']['campaigns'][number];
export type DialerSettings = DialerRow['settings'];
export type RunnerSnapshot = NonNullable<DialerRow['live']>;
