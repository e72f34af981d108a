// Worker thread of the parse pool: parses, validates and encodes a part of an NDJSON body, the CPU of an
// ingest request, away from the event loop that serves HTTP and feeds the engine. Imports stay relative:
// the worker resolves no path aliases.
import { parentPort } from 'node:worker_threads';
import { encodeRecords, type EncodeContext, type EncodeResult } from './encode';
import { parseNdjson } from './ndjson';

export interface ParseJob {
  id: number;
  body: string;
  firstLine: number;
  ctx: EncodeContext;
}

export type ParseAnswer = { id: number; result: EncodeResult } | { id: number; error: string };

export function runParseJob({ body, firstLine, ctx }: Omit<ParseJob, 'id'>): EncodeResult {
  const { records, rejected } = parseNdjson(body, firstLine);
  return encodeRecords(records, { ...ctx, firstVersion: ctx.firstVersion + firstLine - 1 }, rejected);
}

parentPort?.on('message', (job: ParseJob) => {
  let answer: ParseAnswer;
  try {
    answer = { id: job.id, result: runParseJob(job) };
  } catch (err) {
    answer = { id: job.id, error: (err as Error).stack ?? String(err) };
  }
  // The bytes and hashes move to the event loop's thread rather than being copied.
  const buffers = 'result' in answer ? Object.values(answer.result.batch).flatMap((rows) => [rows.lines.buffer, rows.hashes.buffer] as ArrayBuffer[]) : [];
  parentPort!.postMessage(answer, buffers);
});
