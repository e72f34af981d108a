// Where the datasets are looked for: RELAIS_DATASETS_DIR from the environment given, else ../shared/datasets.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFile, datasetsDir } from './paths';

describe('datasetsDir', () => {
  it('takes RELAIS_DATASETS_DIR from the environment it is given, else the shared folder beside the project', () => {
    expect(datasetsDir({ RELAIS_DATASETS_DIR: '/elsewhere/datasets' })).toBe('/elsewhere/datasets');
    expect(datasetsDir({})).toBe(path.resolve(__dirname, '..', '..', '..', 'shared', 'datasets'));
  });

  it('names the variable when a dataset is missing', () => {
    expect(() => datasetFile('absent.csv', '/nonexistent')).toThrow(/absent\.csv not found in \/nonexistent; set RELAIS_DATASETS_DIR/);
  });
});
