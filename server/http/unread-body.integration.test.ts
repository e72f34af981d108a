// A refusal sent before the body is read ends the connection cleanly: the whole answer, then a FIN.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkedUpload } from '@/server/testing/chunked-upload';
import { closeIfBodyUnread } from './unread-body';

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    closeIfBodyUnread(req, res);
    // As the upload route does: read up to the limit, then refuse.
    let size = 0;
    for await (const chunk of req) if ((size += (chunk as Buffer).length) > 1_000_000) break;
    res.writeHead(size > 1_000_000 ? 413 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'File larger than 1 MB' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a body refused before it is read', () => {
  it('gets its whole answer, told the connection closes, then a FIN rather than a reset', async () => {
    const answer = await chunkedUpload(url, {}, 20_000_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer.text).toContain('{"error":"File larger than 1 MB"}');
    expect(answer.endedCleanly).toBe(true);
  });

  it('leaves a body read to the end on a kept-alive connection', async () => {
    const answer = await chunkedUpload(url, {}, 500_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer.text).not.toMatch(/connection: close/i);
  });
});
