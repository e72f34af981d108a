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
      // Bursts of inserts become one notification every 200 ms at most; a change after a quiet spell is told at once
      // (a lone call posted to the API would otherwise wait 200 ms for nothing).
      let pending: NodeJS.Timeout | undefined;
      let lastSent = 0;
      const changed = () => {
        pending = undefined;
        lastSent = Date.now();
        send(`event: changed\ndata: ${lastSent}\n\n`);
      };
      const notify = () => {
        if (pending) return;
        const wait = lastSent + 200 - Date.now();
        if (wait <= 0) changed();
        else pending = setTimeout(changed, wait);
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
