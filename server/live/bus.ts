// In-process notifications that a campaign's data changed, for the live dashboards' push channel.
import { EventEmitter } from 'node:events';
import { processSingleton } from '@/clickhouse/process-singleton';

// One per process: the writer (in the ingest route bundle) and the SSE route bundle must share it.
const bus = () =>
  processSingleton('live-bus', () => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    return emitter;
  });

export function notifyCampaignsChanged(campaignIds: Iterable<string>): void {
  for (const id of new Set(campaignIds)) bus().emit(`campaign:${id}`);
}

/** Calls `listener` on each change of the campaign; returns the unsubscribe function. */
export function onCampaignChanged(campaignId: string, listener: () => void): () => void {
  bus().on(`campaign:${campaignId}`, listener);
  return () => bus().off(`campaign:${campaignId}`, listener);
}
