// The dialer page's data, as the dialer router gives it.
import type { RouterInputs, RouterOutputs } from '@/app/trpc/types';

export type DialerState = RouterOutputs['dialer']['state'];
export type DialerRow = DialerState['campaigns'][number];
export type DialerSettings = DialerRow['settings'];
export type RunnerSnapshot = NonNullable<DialerRow['live']>;
/** What a card may change: the router's input without the campaign. */
export type SettingsChange = Omit<RouterInputs['dialer']['configure'], 'campaignId'>;
