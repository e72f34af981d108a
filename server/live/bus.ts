// In-process notifications that a campaign's data changed, for the live dashboards' push channel.
import { EventEmitter } from 'node:events';

// On globalThis: the writer (in the ingest route bundle) and the SSE route bundle must share one bus.
const holder = globalThis as unknown as { __relaisLiveBus?: EventEmitter };

function bus(): EventEmitter {
  if (!holder.__relaisLiveBus) {
    holder.__relaisLiveBus = new EventEmitter();
    holder.__relaisLiveBus.setMaxListeners(0);
  }
  return holder.__relaisLiveBus;
}

export function notifyCampaignsChanged(campaignIds: Iterable<string>): void {
  for (const id of new Set(campaignIds)) bus().emit(`campaign:${id}`);
}

/** Calls `listener` on each change of the campaign; returns the unsubscribe function. */
export function onCampaignChanged(campaignId: string, listener: () => void): () => void {
  bus().on(`campaign:${campaignId}`, listener);
  return () => bus().off(`campaign:${campaignId}`, listener);
}
