// A contact file through the whole import: read rows, map, normalise, screen, count. Valid contacts are
// handed over in batches (the caller inserts them), rejected rows one by one (the caller writes them out).
import type { CountryCode } from 'libphonenumber-js';
import { ContactAccumulator, type ImportedContact, type RejectedRow } from './accumulator';
import { resolveMapping, type ColumnMapping } from './mapping';
import { readRows, type FileShape, type Row } from './read/rows';
import type { ImportReport } from './report';
import { Reservoir } from './sample';

export interface PipelineInput {
  path: string;
  shape: FileShape;
  mapping: ColumnMapping;
  defaultCountry: CountryCode;
  now: Date;
  inCampaign: (e164: string) => boolean;
  optedOut: (e164: string) => boolean;
  /** Only N random rows of the file (a test sample before the full run). */
  sample?: { size: number; seed: number };
  batchSize?: number;
  onContacts: (batch: ImportedContact[]) => Promise<void>;
  onRejected?: (row: RejectedRow) => void;
  onProgress?: (p: { bytes: number; rows: number }) => void;
}

export async function runContactPipeline(input: PipelineInput): Promise<{ headers: string[]; report: ImportReport }> {
  const batchSize = input.batchSize ?? 10_000;
  let bytes = 0;
  let accumulator: ContactAccumulator | undefined;
  let headers: string[] = [];
  let batch: ImportedContact[] = [];
  // One batch is written while the next is parsed; a failed write surfaces at the next handover.
  let writing: Promise<void> = Promise.resolve();
  const handOver = async (contacts: ImportedContact[]) => {
    await writing;
    writing = input.onContacts(contacts);
  };
  const reservoir = input.sample ? new Reservoir<Row>(input.sample.size, input.sample.seed) : null;

  const handle = async (r: Row) => {
    const outcome = accumulator!.push(r.row, r.cells);
    if ('contact' in outcome) {
      batch.push(outcome.contact);
      if (batch.length >= batchSize) {
        await handOver(batch);
        batch = [];
      }
    } else input.onRejected?.(outcome.rejected);
  };

  let rows = 0;
  for await (const r of readRows(input.path, input.shape, (n) => (bytes = n))) {
    if (r.header) {
      headers = r.header;
      accumulator = new ContactAccumulator({
        columns: resolveMapping(headers, input.mapping), headerCount: headers.length, defaultCountry: input.defaultCountry,
        dateFormat: input.mapping.dateFormat, now: input.now, inCampaign: input.inCampaign, optedOut: input.optedOut,
      });
      continue;
    }
    rows++;
    if (reservoir) reservoir.offer(r);
    else await handle(r);
    if (rows % 5000 === 0) input.onProgress?.({ bytes, rows });
  }
  if (!accumulator) throw new Error('The file is empty');
  if (reservoir) for (const r of reservoir.take().sort((a, b) => a.row - b.row)) await handle(r);
  if (batch.length) await handOver(batch);
  await writing;
  input.onProgress?.({ bytes, rows });
  return { headers, report: accumulator.result() };
}
