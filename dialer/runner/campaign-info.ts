// What a runner knows of its campaign besides its dialer settings.
import type { Direction } from '@/clickhouse/vocabulary';

export interface CampaignInfo {
  id: string; code: string; orgId: string; timeZone: string; direction: Direction; partnershipId: string;
  /** Its calls are recorded (campaigns.recording; Dialer.campaignChanged refreshes it); absent: not recorded. */
  recording?: boolean;
}
