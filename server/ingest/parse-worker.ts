// Worker thread of the parse pool: parses, validates and encodes a part of an NDJSON body, the CPU of an
// ingest request, away from the event loop that serves HTTP and feeds the engine. Imports stay relative:
// the worker resolves no path aliases.
import { parentPort } from 'node:worker_threads';
import { batchBuffers } from '../../clickhouse/columns';
import { RecordEncoder, type EncodeContext, type EncodeResult } from './encode';
import { parseNdjson } from './ndjson';

export interface ParseJob {
  id: number;
  body: string;
  firstLine: number;
  ctx: EncodeContext;
}

export type ParseAnswer = { id: number; result: EncodeResult } | { id: number; error: string };

// Lines parsed and encoded per slice: the slice's record objects die young rather than outliving scavenges as
// a whole part's did (~2,300 fewer instructions a line, of ~47,000).
const SLICE_LINES = 128;

export function runParseJob({ body, firstLine, ctx }: Omit<ParseJob, 'id'>): EncodeResult {
  const encoder = new RecordEncoder({ ...ctx, firstVersion: ctx.firstVersion + firstLine - 1 });
  let start = 0;
  let line = firstLine;
  for (;;) {
    let end = start - 1;
    for (let n = 0; n < SLICE_LINES; n++) if ((end = body.indexOf('\n', end + 1)) === -1) break;
    const { records, rejected } = parseNdjson(end === -1 ? body.slice(start) : body.slice(start, end), line);
    encoder.reject(rejected);
    encoder.add(records);
    if (end === -1) break;
    line += SLICE_LINES;
    start = end + 1;
  }
  return encoder.result();
}

parentPort?.on('message', (job: ParseJob) => {
  let answer: ParseAnswer;
  try {
    answer = { id: job.id, result: runParseJob(job) };
  } catch (err) {
    answer = { id: job.id, error: (err as Error).stack ?? String(err) };
  }
  // The bytes and hashes move to the event loop's thread rather than being copied.
  const buffers = 'result' in answer ? Object.values(answer.result.batch).flatMap((t) => [...batchBuffers(t.rows), t.hashes.buffer as ArrayBuffer]) : [];
  parentPort!.postMessage(answer, buffers);
});
