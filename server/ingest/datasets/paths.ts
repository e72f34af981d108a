// Where the shared real-world datasets live: ../shared/datasets beside the project (RELAIS_DATASETS_DIR to move it).
import { existsSync } from 'node:fs';
import path from 'node:path';

export const DATASETS_DIR = process.env.RELAIS_DATASETS_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets');

export const DATASET_FILES = { anonymousBank: 'anonymous-bank-1999-01.tsv', uciBank: 'uci-bank-marketing-additional.csv' } as const;

export function datasetFile(name: string): string {
  const file = path.join(DATASETS_DIR, name);
  // A missing dataset fails the tests that need it, loudly: they are not optional.
  if (!existsSync(file)) throw new Error(`Dataset ${name} not found in ${DATASETS_DIR}; set RELAIS_DATASETS_DIR to the shared datasets folder`);
  return file;
}

