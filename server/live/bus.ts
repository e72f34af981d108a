// In-process notifications that a campaign's data changed, for the live dashboards' push channel and the alert
// evaluator; and that its alerts or alert rules changed.
import { EventEmitter } from 'node:events';
import { processSingleton } from '@/clickhouse/process-singleton';

// One per process: the writer (in the ingest route bundle) and the SSE route bundle must share it.
const bus = () =>
  processSingleton('live-bus', () => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    return emitter;
  });

/** What changed of a campaign: its calls and states (`campaign`), its open alerts, its alert rules. */
type Topic = 'campaign' | 'alerts' | 'rules';

function notify(topic: Topic, campaignIds: Iterable<string>): void {
  for (const id of new Set(campaignIds)) {
    bus().emit(`${topic}:${id}`);
    bus().emit(topic, id);
  }
}

function on(event: string, listener: (campaignId: string) => void): () => void {
  bus().on(event, listener);
  return () => bus().off(event, listener);
}

export function notifyCampaignsChanged(campaignIds: Iterable<string>): void {
  notify('campaign', campaignIds);
}

/** Calls `listener` on each change of the campaign's data; returns the unsubscribe function. */
export function onCampaignChanged(campaignId: string, listener: () => void): () => void {
  return on(`campaign:${campaignId}`, listener);
}

/** Every campaign's data changes, with the campaign's id (the alert evaluator follows them all). */
export function onAnyCampaignChanged(listener: (campaignId: string) => void): () => void {
  return on('campaign', listener);
}

/** An alert opened, worsened, cleared or was acknowledged: the dashboards showing the campaign refetch. */
export function notifyAlertsChanged(campaignIds: Iterable<string>): void {
  notify('alerts', campaignIds);
}

export function onAlertsChanged(campaignId: string, listener: () => void): () => void {
  return on(`alerts:${campaignId}`, listener);
}

/** A rule was created, changed or deleted: the evaluator looks at the campaign again. */
export function notifyAlertRulesChanged(campaignIds: Iterable<string>): void {
  notify('rules', campaignIds);
}

export function onAnyAlertRulesChanged(listener: (campaignId: string) => void): () => void {
  return on('rules', listener);
}
