// Where the shared real-world datasets live: ../shared/datasets beside the project (RELAIS_DATASETS_DIR to move it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from '@/server/startup/env';

/** RELAIS_DATASETS_DIR as the environment module validates it, else ../shared/datasets beside the checkout. */
export function datasetsDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return parseEnv(env).RELAIS_DATASETS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'datasets');
}

export const DATASET_FILES = { anonymousBank: 'anonymous-bank-1999-01.tsv', uciBank: 'uci-bank-marketing-additional.csv' } as const;

export function datasetFile(name: string, dir = datasetsDir()): string {
  const file = path.join(dir, name);
  // A missing dataset fails the tests that need it, loudly: they are not optional.
  if (!existsSync(file)) throw new Error(`Dataset ${name} not found in ${dir}; set RELAIS_DATASETS_DIR to the shared datasets folder`);
  return file;
}

