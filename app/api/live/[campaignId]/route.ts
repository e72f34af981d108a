// GET /api/live/{campaignId} — Server-Sent Events telling the live monitor that the campaign's data
// changed; the page then refetches through tRPC, so the data itself keeps one access path and one scope.
import { clickhouse } from '@/clickhouse/client';
import { currentUser } from '@/server/auth/options';
import { onCampaignChanged } from '@/server/live/bus';
import { loadScope } from '@/server/tenancy/load-scope';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response('Sign in first', { status: 401 });
  const scope = await loadScope(clickhouse(), user.id);
  const { campaignId } = await params;
  if (!scope?.campaignIds.has(campaignId)) return new Response('No such campaign', { status: 404 });

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
      const unsubscribe = onCampaignChanged(campaignId, () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          send(`event: changed\ndata: ${Date.now()}\n\n`);
        }, 200);
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), 15_000);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
      };
      req.signal.addEventListener('abort', () => {
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
