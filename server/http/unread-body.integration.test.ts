// A refusal sent before the body is read ends the connection cleanly: the whole answer, then a FIN, and the
// rest of the body read and dropped until the client ends (a lingering close), so no reset loses the answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkedUpload } from '@/server/testing/chunked-upload';
import { closeIfBodyUnread } from './unread-body';

const LINGER_MS = 1_500;
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    closeIfBodyUnread(req, res, { lingerMs: LINGER_MS });
    if (req.url === '/slow-refusal') {
      // As a busy server refusing a key: the answer comes while megabytes of body wait unread.
      await new Promise((r) => setTimeout(r, 300));
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'Missing or invalid API key' }));
    }
    // As the upload route does: read up to the limit, then refuse.
    let size = 0;
    for await (const chunk of req) if ((size += (chunk as Buffer).length) > 1_000_000) break;
    res.writeHead(size > 1_000_000 ? 413 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'File larger than 1 MB' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a body refused before it is read', () => {
  it('gets its whole answer, told the connection closes, then a FIN rather than a reset', async () => {
    const answer = await chunkedUpload(`${base}/upload`, {}, 20_000_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer.text).toContain('{"error":"File larger than 1 MB"}');
    expect(answer.endedCleanly).toBe(true);
  });

  it('lingers: a client still sending when the answer comes finishes its body without an error', async () => {
    for (let i = 0; i < 5; i++) {
      const answer = await chunkedUpload(`${base}/slow-refusal`, {}, 20_000_000);
      expect(answer.text).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer.text).toContain('Missing or invalid API key');
      // Without the linger the server closed while the body kept coming: EPIPE or a reset on the client.
      expect(answer.error).toBeUndefined();
      expect(answer.endedCleanly).toBe(true);
    }
  });

  it('does not linger for ever: a client that never ends its body is closed after the linger time', async () => {
    const { port } = new URL(base);
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /slow-refusal HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
        const drip = setInterval(() => socket.write('1\r\na\r\n'), 50);
        socket.on('close', () => { clearInterval(drip); resolve(Date.now() - started); });
      });
      socket.on('error', () => {});
    });
    expect(closedAfter).toBeGreaterThanOrEqual(300 + LINGER_MS - 50);
    expect(closedAfter).toBeLessThan(300 + LINGER_MS + 2_000);
  });

  it('leaves a body read to the end on a kept-alive connection', async () => {
    const answer = await chunkedUpload(`${base}/upload`, {}, 500_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer.text).not.toMatch(/connection: close/i);
  });
});
