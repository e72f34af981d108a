// Where the shared real-world datasets live, from the project root.
import path from 'node:path';

export const DATASETS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets');
export const ANONYMOUS_BANK = path.join(DATASETS_DIR, 'anonymous-bank-1999-01.tsv');
export const UCI_BANK = path.join(DATASETS_DIR, 'uci-bank-marketing-additional.csv');
