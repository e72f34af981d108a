// kill -9 in the middle of an ingest stream (issue 22): the server — its whole process group — is killed with
// SIGKILL while requests are in flight, at the worst moment (chDB has just committed a part of `calls`, the parts of
// its rollups are still being written), restarted at once on the same data directory, and every request that was not
// answered is re-sent in full, as a client would; twice over, then a last kill once every request was answered. Every
// record must then be stored exactly once: each call and survey key live once, with the sums of what was last sent,
// each agent state once, and both rollups (calls_by_minute, calls_by_hour) equal to `calls` bucket by bucket.
//
// The server is scripts/ingest-server.ts (server/main.ts's start-up steps on the data directory, then the ingest
// route itself; its header says why not the Next.js portal), started as a child process through tsx as `npm start`
// is, the way server/startup/bad-env.integration.test.ts starts server/main.ts. The test reads the store itself
// once the last server has ended (chDB lets one process have a data directory).
//
// The rollups: an INSERT into `calls` commits the table's part, then its materialized views write the rollups'
// parts; a kill in between leaves the rollups without those rows, and the re-sent records cannot mend them (their
// cancel rows take out of the rollups what never went in). Each kill here left them about 1,000 to 6,000 calls short
// of `calls` until start-up after an unclean stop rebuilt the months that differ (clickhouse/rollup-repair.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeClickhouse, openClickhouse, type Clickhouse } from '@/clickhouse/client';
import { selectRows } from '@/clickhouse/queries/rows';
import { openTestEngine } from '@/clickhouse/testing/engine';
import { createApiKey } from '@/server/api-keys/keys';
import { seedDemo } from '@/server/seed/demo';
import { demoOutsourcerId } from '@/server/testing/tenants';

const root = path.resolve(__dirname, '../..');
const KEY = 'rk_kill_restart_test_key_0123456789';
const REQUESTS = 40;
const LINES = 1_500; // a request: 1 survey and 1 agent state in 20 lines, calls otherwise
const SENDERS = 6; // requests in flight at once
const CAMPAIGNS = ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT'];
const FROM = Date.UTC(2026, 2, 1); // 62 days: calls in three monthly partitions
const iso = (ms: number) => new Date(ms).toISOString();

/** Line g of the stream; version 1 is a correction of version 0 (longer talks, other scores). */
function record(g: number, version: number): object {
  const campaign = CAMPAIGNS[g % 4]!;
  const start = FROM + ((g * 7_919) % (62 * 86_400)) * 1000;
  if (g % 20 === 0) return { kind: 'survey', id: `survey-${g}`, campaign, call_id: `call-${g + 2}`, agent: `A${g % 50}`, score: (g + 3 * version) % 11, answered_at: iso(start) };
  if (g % 20 === 1) return { kind: 'agent_state', agent: `A${g % 50}`, campaign, state: ['available', 'on_call', 'wrapup', 'paused'][Math.floor(g / 20) % 4], at: iso(FROM + g * 1000) };
  const talk = 30 + (g % 600) + 10 * version;
  const base = { kind: 'call', id: `call-${g}`, campaign, started_at: iso(start), hold_seconds: g % 7, wrap_seconds: 10 };
  if (campaign.endsWith('-IN')) {
    if (g % 10 === 2) return { ...base, direction: 'inbound', ended_at: iso(start + 40_000), outcome: 'abandoned' };
    const connected = start + (g % 45) * 1000;
    return { ...base, direction: 'inbound', agent: `A${g % 50}`, connected_at: iso(connected), ended_at: iso(connected + talk * 1000), outcome: 'connected' };
  }
  if (g % 10 < 5) return { ...base, direction: 'outbound', ended_at: iso(start + 25_000), outcome: 'no_answer' };
  const answered = start + 8_000;
  return { ...base, direction: 'outbound', agent: `A${g % 50}`, answered_at: iso(answered), connected_at: iso(answered + 1_000), ended_at: iso(answered + 1_000 + talk * 1000), outcome: 'connected', disposition: 'sale' };
}

const lines = (r: number, version: number) => Array.from({ length: LINES }, (_, j) => record(r * LINES + j, version));
// Encoded once, before sending: the test's event loop stays free to kill at the right moment.
const bodies = new Map<string, Buffer>();
const body = (r: number, version: number) => bodies.get(`${r}.${version}`)!;
const encode = (r: number, version: number) => bodies.set(`${r}.${version}`, Buffer.from(lines(r, version).map((l) => JSON.stringify(l)).join('\n')));

/** What the store must hold once every request was answered in its last version. */
function expectedTotals(versions: number[]) {
  const t = { calls: 0, connected: 0, talk: 0, surveys: 0, score: 0, states: 0 };
  versions.forEach((version, r) => {
    for (const l of lines(r, version) as Record<string, string | number>[]) {
      if (l.kind === 'survey') (t.surveys++, (t.score += l.score as number));
      else if (l.kind === 'agent_state') t.states++;
      else {
        t.calls++;
        // Talk net of the hold (docs/kpis.md), computed here independently of server/ingest/derive.ts.
        if (l.connected_at) (t.connected++, (t.talk += (Date.parse(l.ended_at as string) - Date.parse(l.connected_at as string)) / 1000 - (l.hold_seconds as number)));
      }
    }
  });
  return t;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  proc: ChildProcess;
  exited: Promise<unknown>;
  output: () => string;
}

const running = new Set<Server>();

/** Starts the server, resolved once it serves; in its own process group, so that a kill reaches tsx's child too. */
async function start(dataDir: string, port: number): Promise<Server> {
  const proc = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ingest-server.ts'], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RELAIS_DATA_DIR: dataDir, PORT: String(port), RELAIS_SIP_WS: '' },
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const server: Server = { proc, exited: new Promise((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code))), output: () => out };
  running.add(server);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not serve within 60 s:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => out.includes('Ingest API listening on') && (clearTimeout(timer), resolve()));
    void server.exited.then((how) => (clearTimeout(timer), reject(new Error(`the server stopped (${String(how)}) before serving:\n${out}`))));
  });
  return server;
}

/** A thread's or process's state letter in a /proc stat file ("pid (comm) state …"; comm may hold ")"), and the rest. */
function statFields(file: string): string[] | undefined {
  try {
    const stat = readFileSync(file, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // ended meanwhile
  }
}

/**
 * Whether every process of the group has ended: gone, or a zombie not yet reaped whose threads all ended too. After
 * a SIGKILL, the main thread of a busy server often turns zombie while its other threads are still ending, tens to
 * hundreds of ms, holding the process's files and with them chDB's lock on its directory.
 */
function groupEnded(pgid: number): boolean {
  if (!existsSync('/proc')) {
    try {
      process.kill(-pgid, 0);
      return false;
    } catch {
      return true;
    }
  }
  return readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).every((pid) => {
    const [state, , pgrp] = statFields(`/proc/${pid}/stat`) ?? [];
    if (Number(pgrp) !== pgid) return true;
    if (state !== 'Z') return false;
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      // reaped meanwhile
    }
    return threads.every((tid) => 'ZX'.includes(statFields(`/proc/${pid}/task/${tid}/stat`)?.[0] ?? 'X'));
  });
}

/**
 * SIGKILL to the server's process group (tsx and the node process it runs, as `kill -9 -PGID` or a container stop
 * does), resolved once every process of it has ended: SIGKILL is delivered at once, but a process with a large
 * engine takes a moment to end, and holds its locks until then. Resolves with that moment, in ms.
 */
async function kill9(server: Server): Promise<number> {
  if (!running.delete(server)) return 0;
  const t = performance.now();
  try {
    process.kill(-server.proc.pid!, 'SIGKILL');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
  while (!groupEnded(server.proc.pid!)) await new Promise((resolve) => setTimeout(resolve, 2));
  await server.exited;
  return performance.now() - t;
}

/** One POST, resolved with the whole answer; rejected when the connection dies first. */
function post(port: number, payload: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/v1/ingest', method: 'POST', agent: false,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/x-ndjson', 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
        res.on('close', () => !res.complete && reject(new Error('answer cut')));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// A part freshly inserted in a MergeTree table's directory: partition, block, same block, level 0.
const INSERTED_PART = /^[^_]+_(\d+)_\1_0$/;

/**
 * Sends the requests, SENDERS at a time, and returns those answered (each must be 200, every line accepted).
 * With `kill`, once `kill.after` requests were answered, the server's process group is killed the moment chDB
 * commits the next part of `calls` (a watch on the table's directory): the worst moment, as the insert that wrote
 * it goes on with the parts of the rollups (calls_by_minute, calls_by_hour), which a crash then never writes.
 * Requests in flight are cut, those not started are not sent.
 */
async function send(port: number, server: Server, requests: number[], versions: number[], kill?: { after: number; callsDir: string }) {
  const queue = [...requests];
  const answered: number[] = [];
  let cut = 0;
  let killing: Promise<number> | undefined;
  let watcher: FSWatcher | undefined;
  let fallback: NodeJS.Timeout | undefined;
  let killedOn = '';
  const killNow = (on: string) => {
    watcher?.close();
    clearTimeout(fallback);
    killedOn ||= on;
    killing ??= kill9(server);
  };
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    while (!killing && queue.length) {
      const r = queue.shift()!;
      let answer: { status: number; text: string };
      try {
        answer = await post(port, body(r, versions[r]!));
      } catch (err) {
        if (!killing) throw new Error(`request ${r} failed with no kill: ${(err as Error).message}\n${server.output()}`);
        cut++;
        continue;
      }
      // An answer, even one that came as the server died, is its word on the request: all of it accepted.
      expect({ request: r, status: answer.status, answer: JSON.parse(answer.text) }).toEqual({ request: r, status: 200, answer: { accepted: LINES, rejected: [] } });
      answered.push(r);
      if (kill && answered.length === kill.after) {
        watcher = watch(kill.callsDir, (_, name) => {
          if (name && INSERTED_PART.test(name) && existsSync(path.join(kill.callsDir, name))) killNow(`the commit of calls part ${name}`);
        });
        // Should no part be seen (no inotify), the kill still comes, in the middle of the stream.
        fallback = setTimeout(() => killNow('a timer'), 1_000);
      }
    }
  }));
  watcher?.close();
  clearTimeout(fallback);
  const endedAfter = killing ? await killing : undefined;
  return { answered, cut, unsent: queue.length, killed: killing ? `kill -9 on ${killedOn}, ended after ${Math.round(endedAfter!)} ms` : '' };
}

interface Stored {
  calls: { keys: number; notOnce: number; live: number; connected: number; talk: number };
  surveys: { keys: number; notOnce: number; live: number; score: number };
  states: number;
  byMinute: { calls: number; connected: number; talk: number; differing: number };
  byHour: { calls: number; connected: number; talk: number; differing: number };
}

async function storedFigures(ch: Clickhouse): Promise<Stored> {
  const n = (v: unknown) => Number(v);
  // Every key's versions summed by sign: 1 is a live record, 0 a lost one, 2 a doubled one.
  const perKey = async (table: string) => (await selectRows<Record<string, string>>(ch,
    `SELECT count() AS keys, countIf(live != 1) AS not_once FROM (SELECT campaign_id, id, sum(sign) AS live FROM ${table} GROUP BY campaign_id, id)`))[0]!;
  const [calls, surveys] = [await perKey('calls'), await perKey('surveys')];
  const [raw] = await selectRows<Record<string, string | number>>(ch, `SELECT sum(sign) AS calls, sumIf(sign, connected_at IS NOT NULL) AS connected,
    sum(sign * talk_seconds) AS talk, (SELECT sum(sign) FROM surveys) AS surveys, (SELECT sum(sign * score) FROM surveys) AS score,
    (SELECT count() FROM agent_states FINAL) AS states FROM calls`);
  const rollup = async (table: string, bucket: string, keys: string) => {
    const [sums] = await selectRows<Record<string, string | number>>(ch, `SELECT sum(calls) AS calls, sum(connected) AS connected, sum(talk_seconds) AS talk FROM ${table}`);
    // Bucket by bucket, the raw table's sign-weighted sums against the rollup's rows: none may differ.
    const [differing] = await selectRows<{ n: string }>(ch, `
      SELECT count() AS n FROM (
        SELECT ${keys}, b, sum(c) AS c, sum(t) AS t FROM (
          SELECT ${keys}, ${bucket}(started_at) AS b, sign AS c, sign * talk_seconds AS t FROM calls
          UNION ALL SELECT ${keys}, ${table === 'calls_by_minute' ? 'minute' : 'hour'} AS b, -calls AS c, -talk_seconds AS t FROM ${table})
        GROUP BY ${keys}, b HAVING c != 0 OR abs(t) > 1e-6)`);
    return { calls: n(sums!.calls), connected: n(sums!.connected), talk: n(sums!.talk), differing: n(differing!.n) };
  };
  return {
    calls: { keys: n(calls.keys), notOnce: n(calls.not_once), live: n(raw!.calls), connected: n(raw!.connected), talk: n(raw!.talk) },
    surveys: { keys: n(surveys.keys), notOnce: n(surveys.not_once), live: n(raw!.surveys), score: n(raw!.score) },
    states: n(raw!.states),
    byMinute: await rollup('calls_by_minute', 'toStartOfMinute', 'campaign_id, agent, direction'),
    byHour: await rollup('calls_by_hour', 'toStartOfHour', 'campaign_id, direction'),
  };
}

let stored: Stored;
let expected: ReturnType<typeof expectedTotals>;
let dataDir: string | undefined;

beforeAll(async () => {
  const t0 = performance.now();
  // The demo tenancy and a key, written before the server owns the directory; where chDB keeps `calls`.
  const seeded = await openTestEngine();
  await seedDemo(seeded.ch);
  await createApiKey(seeded.ch, await demoOutsourcerId(seeded.ch), 'kill test', 'test', KEY);
  const [{ data_paths: [callsDir] }] = await selectRows<{ data_paths: string[] }>(seeded.ch,
    "SELECT data_paths FROM system.tables WHERE database = currentDatabase() AND name = 'calls'") as [{ data_paths: [string] }];
  await seeded.close();
  const dir = (dataDir = seeded.dir);
  const port = await freePort();
  const versions = Array.from({ length: REQUESTS }, () => 0);
  const all = versions.map((_, r) => r);
  all.forEach((r) => encode(r, 0));
  const log: string[] = [];
  const restart = async () => {
    const t = performance.now();
    const server = await start(dir, port);
    const repair = /Unclean stop: .*/.exec(server.output())?.[0] ?? 'no unclean stop seen';
    log.push(`restarted at once: serving after ${Math.round(performance.now() - t)} ms (${repair})`);
    return server;
  };

  // 1. The whole stream, killed mid-insert once 12 requests were answered.
  let server = await start(dir, port);
  const first = await send(port, server, all, versions, { after: 12, callsDir });
  log.push(`stream of ${REQUESTS}: ${first.answered.length} answered, ${first.cut} cut in flight, ${first.unsent} not sent; ${first.killed}`);
  expect(first.cut).toBeGreaterThan(0);
  let pending = all.filter((r) => !first.answered.includes(r));

  // 2. Restarted at once; every unanswered request re-sent, with two answered ones re-sent as they were (a
  // client's blind retry) and two corrected (re-sending replaces); killed mid-insert again after 8 answers.
  server = await restart();
  const [same1, same2, fix1, fix2] = first.answered as [number, number, number, number];
  versions[fix1] = versions[fix2] = 1;
  encode(fix1, 1);
  encode(fix2, 1);
  const resent = [same1, fix1, ...pending, same2, fix2];
  const second = await send(port, server, resent, versions, { after: 8, callsDir });
  log.push(`re-send of ${pending.length} + 4 answered: ${second.answered.length} answered, ${second.cut} cut in flight, ${second.unsent} not sent; ${second.killed}`);
  expect(second.cut).toBeGreaterThan(0);
  pending = resent.filter((r) => !second.answered.includes(r));

  // 3. Restarted at once; the rest re-sent to the end; a last kill -9 with nothing in flight: what was answered
  // must be on disk without a clean stop.
  server = await restart();
  const third = await send(port, server, pending, versions);
  expect([...third.answered].sort((a, b) => a - b)).toEqual([...pending].sort((a, b) => a - b));
  log.push(`re-send of ${pending.length}: all answered; kill -9 with nothing in flight, ended after ${Math.round(await kill9(server))} ms`);

  // What the answered requests promised, read from the data directory the killed server left.
  const ch = openClickhouse({ kind: 'embedded', path: path.join(dir, 'clickhouse') });
  try {
    stored = await storedFigures(ch);
  } finally {
    await closeClickhouse();
  }
  expected = expectedTotals(versions);
  console.log(`kill -9 test: ${REQUESTS * LINES} records (${expected.calls} calls, ${expected.surveys} surveys, ${expected.states} agent states) ` +
    `in ${REQUESTS} requests of ${LINES} lines, ${SENDERS} in flight; 3 kills; ${((performance.now() - t0) / 1000).toFixed(1)} s\n  ${log.join('\n  ')}\n` +
    `  stored: ${JSON.stringify(stored)}`);
});

afterAll(async () => {
  for (const server of running) await kill9(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('stores every call, survey and agent state exactly once, as last sent', () => {
  const e = expected;
  expect({ calls: stored.calls, surveys: stored.surveys, states: stored.states }).toEqual({
    calls: { keys: e.calls, notOnce: 0, live: e.calls, connected: e.connected, talk: e.talk },
    surveys: { keys: e.surveys, notOnce: 0, live: e.surveys, score: e.score },
    states: e.states,
  });
});

// Each mid-insert kill leaves the rollups short (see the header); the restart after it rebuilds them.
it('keeps both rollups equal to the calls table, bucket by bucket', () => {
  const rollup = { calls: expected.calls, connected: expected.connected, talk: expected.talk, differing: 0 };
  expect({ byMinute: stored.byMinute, byHour: stored.byHour }).toEqual({ byMinute: rollup, byHour: rollup });
});
