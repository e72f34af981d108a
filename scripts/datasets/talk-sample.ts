// Real talk times for the pacing simulator (bench:pacing --talk uci|bank), read from ../shared/datasets through the
// same converters the ingest tests use.
import { readFileSync } from 'node:fs';
import type { DurationEstimate } from '@/dialer/pacing/distributions';
import { convertAnonymousBank } from './anonymous-bank';
import { convertUciBank } from './uci-bank';
import { DATASET_FILES, datasetFile } from './paths';
import { connectedTalkSeconds, meanAndSd } from './talk-times';

export const TALK_SOURCES = ['lognormal', 'uci', 'bank'] as const;
export type TalkSource = (typeof TALK_SOURCES)[number];

export interface TalkSample {
  sample: number[];
  seconds: DurationEstimate;
  label: string;
}

export function readTalkSample(source: Exclude<TalkSource, 'lognormal'>): TalkSample {
  const records = source === 'uci'
    ? convertUciBank(readFileSync(datasetFile(DATASET_FILES.uciBank), 'utf8'), 'UCI').records
    : convertAnonymousBank(readFileSync(datasetFile(DATASET_FILES.anonymousBank), 'utf8'), 'BANK').records;
  const sample = connectedTalkSeconds(records);
  const seconds = meanAndSd(sample);
  const name = source === 'uci' ? 'UCI bank marketing (outbound)' : 'Anonymous Bank 1999-01 (inbound)';
  const sorted = [...sample].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return {
    sample,
    seconds,
    label: `talk: ${sample.length} real calls of ${name}, mean ${seconds.mean.toFixed(0)} s, sd ${seconds.sd.toFixed(0)} s, median ${median.toFixed(0)} s`,
  };
}
