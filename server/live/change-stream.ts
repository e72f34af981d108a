// The live dashboards' Server-Sent Events: "one of these campaigns' data (or its open alerts) changed", at most every 200 ms, until the
// browser goes away. One stream may follow many campaigns (the wallboard): a browser opens 6 connections per
// server at most, so one stream per campaign would starve the page's own requests. The page then refetches
// through tRPC, so the data itself keeps one access path and one scope.
import { onAlertsChanged, onCampaignChanged } from './bus';

export function campaignChangeStream(campaignId: string, signal: AbortSignal): Response {
  return campaignsChangeStream([campaignId], signal);
}

/** `campaignIds` must be the caller's scope's. */
export function campaignsChangeStream(campaignIds: readonly string[], signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Bursts of inserts become one notification every 200 ms at most.
      let pending: NodeJS.Timeout | undefined;
      const notify = () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          send(`event: changed\ndata: ${Date.now()}\n\n`);
        }, 200);
      };
      const unsubscribes = campaignIds.flatMap((id) => [onCampaignChanged(id, notify), onAlertsChanged(id, notify)]);
      const unsubscribe = () => { for (const u of unsubscribes) u(); };
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), 15_000);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
      };
      signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      send('retry: 2000\nevent: ready\ndata: ok\n\n');
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' },
  });
}
