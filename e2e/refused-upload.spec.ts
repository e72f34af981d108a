// A refusal the server sends before reading a body (no key, a file over the limit) reaches the client whole,
// and the connection ends with a FIN: before, the answer said keep-alive and the unread upload reset it.
import { expect, test } from '@playwright/test';
import { chunkedUpload } from '../server/testing/chunked-upload';
import { signInAndWaitHome } from './helpers';

test.describe('refused uploads close the connection cleanly', () => {
  test('an ingest body without a key: the whole 401 answer, and Connection: close', async ({ baseURL }) => {
    const answer = await chunkedUpload(`${baseURL}/api/v1/ingest`, { 'Content-Type': 'application/x-ndjson' }, 20_000_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    // The whole answer arrives (before: keep-alive, and a reset that often cut it); the server lingers, reading
    // and dropping the rest of the body, so the client finishes writing without an error (see docs/api.md).
    expect(answer.text).toContain('Missing or invalid API key');
    expect(answer.error).toBeUndefined();
    expect(answer.endedCleanly).toBe(true);
  });

  test('a file over the 100 MiB limit, streamed in chunks: 413 with its reason, then a FIN', async ({ page, baseURL }) => {
    await signInAndWaitHome(page, 'manager@callpro.test');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const answer = await chunkedUpload(`${baseURL}/api/files?purpose=opt_out&name=bloctel.csv`, { Cookie: cookie, Origin: baseURL! }, 110 * 1024 * 1024);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer.text).toContain('larger than');
    expect(answer.endedCleanly).toBe(true);
  });
});
