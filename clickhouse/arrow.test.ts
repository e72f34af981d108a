import { describe, expect, it } from 'vitest';
import { arrowColumns, arrowSelect } from './arrow';
import { buildBatch } from './column-builder';
import { columnSpec } from './columns';

const specs = [columnSpec('id', 'String'), columnSpec('sign', 'Int8'), columnSpec('talk', 'Float64'), columnSpec('answered_at', "Nullable(DateTime64(3, 'UTC'))")];

describe('arrowColumns', () => {
  it('describes text as UTF-8 with offsets and numbers as float64, counting nulls', () => {
    const batch = buildBatch(specs, [{ id: 'a', sign: 1, talk: 2.5 }, { id: 'bé', sign: -1, answered_at: 1_700_000_000_123 }, { id: '' }]);
    const cols = arrowColumns(batch, specs);
    expect(cols.map((c) => [c.name, c.format, c.length, c.nullCount])).toEqual([
      ['id', 'u', 3, 0], ['sign', 'g', 3, 0], ['talk', 'g', 3, 0], ['answered_at', 'g', 3, 2],
    ]);
    expect([...new Int32Array(new Uint8Array(cols[0]!.buffers[1]!).buffer)]).toEqual([0, 1, 4, 4]);
    expect(cols[0]!.buffers[2]!.toString()).toBe('abé');
    expect(cols[1]!.buffers[0]).toBeNull();
    expect(cols[3]!.buffers[0]![0]).toBe(0b010);
  });
});

describe('arrowSelect', () => {
  it('reads instants from epoch milliseconds and casts numbers to the column type', () => {
    expect(arrowSelect(specs)).toBe(
      "`id`, CAST(`sign` AS Int8) AS `sign`, `talk`, CAST(fromUnixTimestamp64Milli(toInt64(`answered_at`), 'UTC') AS Nullable(DateTime64(3, 'UTC'))) AS `answered_at`",
    );
  });
});
