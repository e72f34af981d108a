// Worker threads that parse, validate and encode NDJSON bodies. A body is cut at line boundaries into one
// part a worker, so even a single sender's request uses every core; when workers cannot start (no
// tsx to load them, RELAIS_INGEST_WORKERS=0) the same code runs on the event loop instead.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { concatBatches } from '../../clickhouse/columns';
import type { EncodeContext, EncodeResult, EncodedRows } from './encode';
import { runParseJob, type ParseAnswer, type ParseJob } from './parse-worker';
import { processSingleton } from '@/clickhouse/process-singleton';
import { serverEnv } from '@/server/startup/env';

// Below this a body is parsed by one worker: cutting it would cost more than it saves.
const MIN_PART_BYTES = 256 * 1024;

interface Job {
  resolve: (r: EncodeResult) => void;
  reject: (err: Error) => void;
  part: Omit<ParseJob, 'id'>;
}

class ParseWorker {
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private readonly worker: Worker;
  failed = false;

  constructor(file: string, onFailure: (err: Error) => void) {
    // The worker runs the TypeScript sources through tsx (a dependency: `npm start` runs the portal with
    // it), as Next's route bundles do not hold the worker.
    const code = `require(require('node:module').createRequire(${JSON.stringify(file)}).resolve('tsx/cjs')); require(${JSON.stringify(file)});`;
    this.worker = new Worker(code, { eval: true });
    this.worker.unref();
    this.worker.on('message', (answer: ParseAnswer) => {
      const job = this.jobs.get(answer.id);
      this.jobs.delete(answer.id);
      // Idle, the worker does not keep the process alive.
      if (this.jobs.size === 0) this.worker.unref();
      if (!job) return;
      if ('result' in answer) job.resolve(answer.result);
      else job.reject(new Error(answer.error));
    });
    const fail = (err: Error) => {
      if (this.failed) return;
      this.failed = true;
      onFailure(err);
      // Jobs the worker took are done again on the event loop: a request does not fail for it.
      for (const job of this.jobs.values()) inline(job);
      this.jobs.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`parse worker stopped (exit code ${code})`)));
  }

  get load(): number {
    return this.jobs.size;
  }

  run(job: Job): void {
    const id = this.nextId++;
    this.jobs.set(id, job);
    this.worker.ref();
    this.worker.postMessage({ id, ...job.part } satisfies ParseJob);
  }
}

function inline(job: Job): void {
  try {
    job.resolve(runParseJob(job.part));
  } catch (err) {
    job.reject(err as Error);
  }
}

/** Cuts `body` into about `n` parts at line ends, each with the number of its first line. */
export function splitBody(body: string, n: number): { body: string; firstLine: number }[] {
  const parts: { body: string; firstLine: number }[] = [];
  let start = 0;
  let firstLine = 1;
  for (let k = 1; k < n && start < body.length; k++) {
    const cut = body.indexOf('\n', Math.max(start, Math.floor((body.length * k) / n)));
    if (cut < 0) break;
    parts.push({ body: body.slice(start, cut), firstLine });
    for (let i = body.indexOf('\n', start); i !== -1 && i <= cut; i = body.indexOf('\n', i + 1)) firstLine++;
    start = cut + 1;
  }
  parts.push({ body: body.slice(start), firstLine });
  return parts;
}

export function concatRows(parts: EncodedRows[]): EncodedRows {
  if (parts.length === 1) return parts[0]!;
  const hashes = new Uint32Array(parts.reduce((n, p) => n + p.hashes.length, 0));
  let at = 0;
  for (const p of parts) {
    hashes.set(p.hashes, at);
    at += p.hashes.length;
  }
  return {
    rows: concatBatches(parts.map((p) => p.rows)),
    hashes,
    // JSON arrays joined as text: nothing is parsed on the event loop.
    keys: `[${parts.map((p) => p.keys.slice(1, -1)).filter(Boolean).join(',')}]`,
    campaigns: [...new Set(parts.flatMap((p) => p.campaigns))],
  };
}

/** The results of consecutive parts of one body, as if it had been parsed whole. */
export function joinResults(results: EncodeResult[]): EncodeResult {
  if (results.length === 1) return results[0]!;
  const table = (t: keyof EncodeResult['batch']) => concatRows(results.map((r) => r.batch[t]));
  return {
    batch: { calls: table('calls'), surveys: table('surveys'), agent_states: table('agent_states') },
    accepted: results.reduce((n, r) => n + r.accepted, 0),
    rejected: results.flatMap((r) => r.rejected).sort((a, b) => a.line - b.line),
    uncredited: results.flatMap((r) => r.uncredited),
  };
}

export class ParsePool {
  private workers: ParseWorker[] = [];

  constructor(size: number, file: string) {
    for (let i = 0; i < size; i++) {
      this.workers.push(new ParseWorker(file, (err) => {
        console.error(`Ingest: a parse worker failed, its work goes to the event loop: ${err.message}`);
      }));
    }
  }

  private get live(): ParseWorker[] {
    return this.workers.filter((w) => !w.failed);
  }

  /** Workers still taking jobs (the others failed; their work goes to the event loop). */
  get running(): number {
    return this.live.length;
  }

  /** Parses, validates and encodes `body`; versions from ctx.firstVersion, one per line at most. */
  async run(body: string, ctx: EncodeContext): Promise<EncodeResult> {
    const live = this.live;
    const parts = live.length > 1 && body.length >= 2 * MIN_PART_BYTES ? splitBody(body, Math.min(live.length, Math.floor(body.length / MIN_PART_BYTES))) : [{ body, firstLine: 1 }];
    const idle = [...live].sort((a, b) => a.load - b.load);
    const results = await Promise.all(parts.map((part, i) => new Promise<EncodeResult>((resolve, reject) => {
      const job: Job = { resolve, reject, part: { ...part, ctx } };
      const worker = idle[i % Math.max(1, idle.length)];
      if (worker) worker.run(job);
      else inline(job);
    })));
    return joinResults(results);
  }
}

function workerCount(n = serverEnv().RELAIS_INGEST_WORKERS): number {
  return n ?? Math.min(4, availableParallelism());
}

/**
 * The process's pool. The worker is started from the sources (server/ingest/parse-worker.ts under the
 * working directory, the portal's root), since the route bundles Next builds do not carry it.
 */
export function parsePool(): ParsePool {
  return processSingleton('ingest-parse-pool', () => {
    const file = path.join(process.cwd(), 'server', 'ingest', 'parse-worker.ts');
    return new ParsePool(existsSync(file) ? workerCount() : 0, file);
  });
}
