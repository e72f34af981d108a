// SQL for the desk's inbound card: a caller's earlier calls on the line (the case they call about, whether it was
// resolved). The calls table's key is (campaign_id, id): one campaign's calls are read, filtered by number.
import type { Clickhouse } from '../client';
import { selectRows } from './rows';

export interface PastCall {
  id: string; started_at: string; outcome: string; disposition: string; agent: string; case_id: string; resolved: number | null;
}

/** The caller's last calls on the campaign (newest first), the call in progress excluded. */
export function callerHistory(ch: Clickhouse, campaignId: string, phone: string, exceptId: string, limit = 5) {
  return selectRows<PastCall>(
    ch,
    `SELECT id, toString(started_at) AS started_at, toString(outcome) AS outcome, disposition, agent, case_id, resolved
     FROM calls FINAL
     WHERE campaign_id = {campaign:String} AND sign = 1 AND phone = {phone:String} AND id != {except:String}
     ORDER BY started_at DESC LIMIT {limit:UInt32}`,
    { campaign: campaignId, phone, except: exceptId, limit },
  );
}
