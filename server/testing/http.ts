// Integration-test helper: serves Next.js route handlers over real HTTP on loopback, without Next.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { closeIfBodyUnread } from '@/server/http/unread-body';

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

async function respond(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** On a free loopback port unless one is given. */
export async function serveRoutes(routes: Route[], { port = 0, host = '127.0.0.1' } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    closeIfBodyUnread(req, res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return respond(res, new Response('not found', { status: 404 }));
    const groups = route.pattern.exec(url.pathname)!.groups ?? {};
    const params = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs duplex for a streamed body.
      duplex: 'half',
    });
    try {
      await respond(res, await route.handler(request, { params: Promise.resolve(params) }));
    } catch (err) {
      await respond(res, Response.json({ error: String(err) }, { status: 500 }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://${host}:${bound}`, close: () => new Promise((r) => server.close(() => r())) };
}
