// npm run bench:wallboard [-- --calls N] [-- --url http://localhost:3000 --key rk_…] — how long after a call is
// posted to the public API the wallboard shows it (issue 21: "within a second"). Starts the production server itself
// (`npm start`: tsx server/main.ts, building the portal first when stale) on a free port from 3950 and a fresh temp
// data dir with the demo data and an API key, or uses a running one given by --url/--key. Debian's Chromium signs in
// as the CallPro manager and opens /wallboard; then, N times ~1.5 s apart (after one warm-up call, shown and not
// counted), one inbound ACME-IN call of today is POSTed to /api/v1/ingest *from the page*, and the page times on its
// own clock (performance.now()) at both ends the ingest answer and the moment the ACME-IN volume tile's text changes
// (a MutationObserver). Alongside, the page notes when the live push (SSE `changed`) arrived and when the tRPC request
// carrying `home.wallboard` went out and came back (resource timing), which splits the delay into push, refetch and
// render; at the end the same requests are timed again with no call coming in. Exits non-zero if a call did not show
// within 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { chromium, type Browser } from '@playwright/test';
import { percentile } from './bench-lib';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const CALLS = Number(arg('--calls') ?? 30);
const SPACING_MS = 1_500;
const SHOW_TIMEOUT_MS = 10_000;
const TILE = '[data-testid="tile-ACME-IN-volume"]';
const MANAGER = { email: 'manager@callpro.test', password: 'relais-demo' };
const BOOTSTRAP_KEY = 'rk_bench_wallboard_key_0123456789';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = path.resolve(__dirname, '..');

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Ports below 3950 belong to other sessions' servers on this machine. */
async function freePort(): Promise<number> {
  for (let port = 3950; port < 4000; port++) if (await portIsFree(port)) return port;
  throw new Error('no free port in 3950–3999');
}

interface Target { url: string; key: string; close: () => Promise<void> }

/** `npm start` on a fresh data dir, as e2e/playwright.config.ts starts it; resolves once /signin answers. */
async function startServer(): Promise<Target> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-wallboard-'));
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json', { paths: [root] })), 'dist', 'cli.mjs');
  const server: ChildProcess = spawn(process.execPath, [tsx, 'server/main.ts'], {
    cwd: root,
    detached: true, // its own process group, so that whatever it left can be ended with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), RELAIS_DATA_DIR: dataDir, RELAIS_HOST: '127.0.0.1', RELAIS_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) {
      log.push(line);
      if (/Building|Relais is running|cannot start/.test(line)) console.log(`  server: ${line}`);
    }
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  let exited = false;
  const ended = new Promise<void>((resolve) => server.once('exit', () => { exited = true; resolve(); }));
  const close = async () => {
    if (!exited) {
      // SIGTERM first: the server stops its dialer and closes chDB (as Playwright's gracefulShutdown does).
      server.kill('SIGTERM');
      await Promise.race([ended, sleep(20_000)]);
    }
    try { process.kill(-server.pid!, 'SIGKILL'); } catch { /* the group is gone */ }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://localhost:${port}`;
  console.log(`Starting the production server on ${url} (data dir ${dataDir}); it builds the portal first if stale…`);
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (exited) {
      await close();
      throw new Error(`the server stopped before serving:\n${log.slice(-30).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/signin`);
      if (res.status === 200) return { url, key: BOOTSTRAP_KEY, close };
    } catch { /* not listening yet */ }
    await sleep(1_000);
  }
  await close();
  throw new Error(`the server did not serve /signin within 15 minutes:\n${log.slice(-30).join('\n')}`);
}

async function target(): Promise<Target> {
  const url = arg('--url');
  if (!url) return startServer();
  const key = arg('--key');
  if (!key) throw new Error('--url needs --key (the RELAIS_BOOTSTRAP_API_KEY the portal was started with)');
  return { url: url.replace(/\/$/, ''), key, close: async () => {} };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A few minutes ago but today in Paris (the demo campaigns' zone), even just after midnight (as e2e/homes.spec.ts). */
const todayStart = () => Math.max(Date.now() - 10 * 60_000, startOfDay(new TZDate(Date.now(), 'Europe/Paris')).getTime() + 1_000);
function inboundCall(id: string): string {
  const at = todayStart();
  return JSON.stringify({ kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', started_at: iso(at), connected_at: iso(at + 12_000),
    ended_at: iso(at + 12_000 + 180_000), outcome: 'connected', wrap_seconds: 30 });
}

// The page-side code is kept as source text: tsx compiles this file with esbuild's keepNames, whose `__name(…)`
// wrappers do not exist in the page.

/** Installed before the portal's scripts: notes the live push's events and the wallboard's tRPC requests, page clock. */
const INSTRUMENT = `(() => {
  const bench = { ready: false, changed: [], wallboard: [] };
  window.__bench = bench;
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      if (!String(url).includes('/api/live')) return;
      this.addEventListener('ready', () => { bench.ready = true; });
      this.addEventListener('error', () => { bench.ready = false; });
      // The event's data is the server's Date.now() when it sent it.
      this.addEventListener('changed', (e) => bench.changed.push({ at: performance.now(), sentAt: Number(e.data) - performance.timeOrigin }));
    }
  };
  performance.setResourceTimingBufferSize(100000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name.includes('/api/trpc/') && e.name.includes('home.wallboard')) bench.wallboard.push({ url: e.name, start: e.startTime, end: e.responseEnd });
    }
  }).observe({ type: 'resource', buffered: true });
})()`;

/** One call, timed in the page: a MutationObserver on the tile, the POST, its answer, the tile's change (or 10 s). */
const CALL_IN_PAGE = `async ({ tile, body, key, timeout }) => {
  const read = () => document.querySelector(tile)?.textContent ?? null;
  const before = read();
  let observer;
  // The tile's node may be replaced by a re-render: watch the whole page and read the tile again.
  const shown = new Promise((resolve) => {
    observer = new MutationObserver(() => {
      const text = read();
      if (text !== before) resolve({ at: performance.now(), text });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = performance.now();
  const res = await fetch('/api/v1/ingest', { method: 'POST', headers: { authorization: 'Bearer ' + key, 'content-type': 'application/x-ndjson' }, body });
  const answer = await res.json();
  const answered = performance.now();
  const seen = await Promise.race([shown, new Promise((resolve) => setTimeout(() => resolve(null), timeout - (performance.now() - t0)))]);
  observer.disconnect();
  return { t0, answered, status: res.status, answer, before, shownAt: seen ? seen.at : null, text: seen ? seen.text : null };
}`;

/** The last wallboard batch's URL, then each of its procedures alone: their server time when nothing else is going on. */
const REQUESTS_IN_PAGE = `async ({ runs }) => {
  const last = window.__bench.wallboard[window.__bench.wallboard.length - 1];
  const url = new URL(last.url);
  const procedures = decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',');
  const input = url.searchParams.get('input') ? JSON.parse(url.searchParams.get('input')) : null;
  const alone = (i) => {
    const one = new URL(url.origin + '/api/trpc/' + procedures[i]);
    one.searchParams.set('batch', '1');
    if (input) one.searchParams.set('input', JSON.stringify({ 0: input[i] }));
    return one.href;
  };
  const targets = [[procedures.join(' + '), url.href], ...procedures.map((p, i) => [p, alone(i)])];
  const out = [];
  for (const [name, href] of targets) {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const res = await fetch(href);
      await res.text();
      if (!res.ok) throw new Error(name + ': ' + res.status);
      times.push(performance.now() - t0);
    }
    out.push({ name, times });
  }
  return out;
}`;

interface Sample { t0: number; answered: number; status: number; answer: unknown; before: string | null; shownAt: number | null; text: string | null }

const round = (ms: number) => Math.round(ms);
const stats = (values: number[]) => values.length ? `p50 ${round(percentile(values, 50))} / p95 ${round(percentile(values, 95))} / max ${round(Math.max(...values))} ms` : '—';

async function main() {
  const api = await target();
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await api.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ baseURL: api.url, locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.locator('input[name="email"]').fill(MANAGER.email);
    await page.locator('input[name="password"]').fill(MANAGER.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/', { timeout: 60_000 });
    await page.goto('/wallboard');
    await page.locator(TILE).waitFor({ timeout: 60_000 });
    await page.waitForFunction('window.__bench.ready', undefined, { timeout: 30_000 });
    console.log(`Wallboard open as ${MANAGER.email}, ACME-IN volume ${(await page.locator(TILE).textContent())?.trim()}; ${CALLS} calls ${SPACING_MS / 1000} s apart`);

    const runTag = Date.now().toString(36);
    const samples: Sample[] = [];
    // Call 0 warms up a server just started (its first ingest starts the parse workers); it is shown, not counted.
    for (let i = 0; i <= CALLS; i++) {
      const started = Date.now();
      const args = { tile: TILE, body: inboundCall(`bench-wall-${runTag}-${i}`), key: api.key, timeout: SHOW_TIMEOUT_MS };
      const sample = (await page.evaluate(`(${CALL_IN_PAGE})(${JSON.stringify(args)})`)) as Sample;
      const answer = sample.answer as { accepted?: number; rejected?: unknown[] };
      if (sample.status !== 200 || answer.accepted !== 1) throw new Error(`ingest refused the call: ${sample.status} ${JSON.stringify(answer).slice(0, 300)}`);
      if (i > 0) samples.push(sample);
      const shown = sample.shownAt === null ? 'NOT SHOWN within 10 s' : `shown after ${round(sample.shownAt - sample.t0)} ms (${sample.before?.trim()} → ${sample.text?.trim()})`;
      console.log(`  ${i === 0 ? 'warm-up' : `call ${String(i).padStart(2)}`}: ingest ${round(sample.answered - sample.t0)} ms, ${shown}`);
      const wait = SPACING_MS - (Date.now() - started);
      if (wait > 0 && i < CALLS) await sleep(wait);
    }

    // The split, per call: the first push after the post, the first wallboard request after that push.
    const bench = (await page.evaluate('window.__bench')) as { changed: { at: number; sentAt: number }[]; wallboard: { url: string; start: number; end: number }[] };
    const split = { ingest: [] as number[], pushSent: [] as number[], pushReceived: [] as number[], refetchStart: [] as number[], refetch: [] as number[], render: [] as number[] };
    for (const s of samples) {
      split.ingest.push(s.answered - s.t0);
      if (s.shownAt === null) continue;
      const push = bench.changed.find((c) => c.at >= s.t0 && c.at <= s.shownAt!);
      const request = push && bench.wallboard.find((w) => w.start >= push.at && w.end <= s.shownAt! + 1);
      if (!push || !request) continue;
      split.pushSent.push(push.sentAt - s.t0);
      split.pushReceived.push(push.at - s.t0);
      split.refetchStart.push(request.start - push.at);
      split.refetch.push(request.end - request.start);
      split.render.push(s.shownAt - request.end);
    }
    const shownMs = samples.filter((s) => s.shownAt !== null).map((s) => s.shownAt! - s.t0);
    const plusOne = samples.filter((s) => s.shownAt !== null && Number(s.text?.replace(/\D/g, '')) === Number(s.before?.replace(/\D/g, '')) + 1).length;
    const missed = samples.length - shownMs.length;
    console.log(`\nwallboard latency — ${samples.length} calls, ${api.url}, page clock (performance.now()) at both ends`);
    console.log(`  ingest response (POST → answer)     ${stats(split.ingest)}`);
    console.log(`  post → wallboard tile changed       ${stats(shownMs)}`);
    console.log(`  every call showed within 10 s: ${missed === 0 ? 'yes' : `NO, ${missed} did not`}; the tile went up by exactly 1: ${plusOne}/${samples.length}`);
    console.log(`  split (${split.render.length} calls matched to their push and refetch):`);
    console.log(`    post → push sent by the server      ${stats(split.pushSent)}   (server's Date.now() in the event, against the page's clock)`);
    console.log(`    post → push received                ${stats(split.pushReceived)}`);
    console.log(`    push → wallboard request out        ${stats(split.refetchStart)}`);
    console.log(`    wallboard request (tRPC batch)      ${stats(split.refetch)}`);
    console.log(`    response → tile text changed        ${stats(split.render)}`);
    // The wallboard's request when no call is coming in (nor the alert sweep a call sets off), ten times each.
    await sleep(3_000);
    const quiet = (await page.evaluate(`(${REQUESTS_IN_PAGE})({ runs: 10 })`)) as { name: string; times: number[] }[];
    console.log('  the same requests again, one at a time, with no call coming in (10 each):');
    for (const q of quiet) console.log(`    ${q.name.padEnd(36)}${stats(q.times)}`);
    if (missed > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
