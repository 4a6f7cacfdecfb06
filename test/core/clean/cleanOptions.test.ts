import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLEAN_OPTIONS,
  DEFAULT_CLEANING,
  DROP_REASONS,
  DROPPED_DUPLICATE,
  DROPPED_MALFORMED,
  DROPPED_MISSING,
  DROPPED_OUTLIER,
  KEPT,
  listSetAside,
  type CleanResult,
} from '../../../src/core/clean/cleanOptions';
import { cleanRows } from '../../../src/core/clean/cleanRows';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { message } from '../../../src/core/common/message';

describe('drop reasons', () => {
  it('name each DROPPED_ code at code - 1, and KEPT is 0', () => {
    expect(KEPT).toBe(0);
    expect(DROP_REASONS[DROPPED_MALFORMED - 1]).toBe('malformed');
    expect(DROP_REASONS[DROPPED_DUPLICATE - 1]).toBe('duplicate');
    expect(DROP_REASONS[DROPPED_MISSING - 1]).toBe('missing');
    expect(DROP_REASONS[DROPPED_OUTLIER - 1]).toBe('outlier');
    expect(DROP_REASONS).toHaveLength(4);
  });
});

describe('listSetAside', () => {
  it('lists every set-aside record in file order with its reason and detail', () => {
    const reason = Uint8Array.from([
      KEPT,
      DROPPED_OUTLIER,
      KEPT,
      DROPPED_MALFORMED,
      DROPPED_DUPLICATE,
    ]);
    const repeats = message('detailRepeats', { line: 2 });
    const above = message('detailAbove', { column: 'x', limit: 7 });
    const fields = message('rowFieldCount', { count: 1, expected: 2 });
    const detail = new Map([
      [4, repeats],
      [1, above],
      [3, fields],
    ]);
    expect(listSetAside(reason, detail)).toEqual([
      { row: 1, reason: 'outlier', detail: above },
      { row: 3, reason: 'malformed', detail: fields },
      { row: 4, reason: 'duplicate', detail: repeats },
    ]);
  });

  it('gives no detail (null) when none was recorded, and nothing when every row is kept', () => {
    expect(listSetAside(Uint8Array.from([DROPPED_MISSING]), new Map())).toEqual([
      { row: 0, reason: 'missing', detail: null },
    ]);
    const stale = message('detailMissing', { column: 'x' });
    expect(listSetAside(new Uint8Array(3), new Map([[1, stale]]))).toEqual([]);
    expect(listSetAside(new Uint8Array(0), new Map())).toEqual([]);
  });
});

describe('the default cleaning', () => {
  it('drops duplicates and rows with a missing feature, and clips at |z| > 3', () => {
    expect(DEFAULT_CLEANING).toEqual({
      duplicates: 'drop',
      missing: 'drop',
      missingByColumn: [],
      missingConstant: 0,
      outliers: 'zscore',
      outlierAction: 'clip',
      zThreshold: 3,
      iqrFactor: 1.5,
      log1p: [],
      padShortRows: false,
      missingCodes: [],
    });
  });

  it('chooses no feature: the analysis chooses them', () => {
    expect(DEFAULT_CLEAN_OPTIONS).toEqual({ ...DEFAULT_CLEANING, features: [], oneHot: [] });
  });
});

describe('a CleanResult, as cleanRows makes it', () => {
  it('keeps its promises: rows ascending, one reason per record, a detail per set-aside row', async () => {
    const table = await readCsv(
      textSource(
        'id,x,y,c\n1,1,10,a\n2,,20,b\n3,3,30,a\n3,3,30,a\n4,4\n5,500,50,b\n6,6,60,a\n7,7,70,b\n',
      ),
    );
    const result: CleanResult = cleanRows(table, {
      ...DEFAULT_CLEAN_OPTIONS,
      features: ['x', 'y'],
      oneHot: ['c'],
      log1p: ['y'],
      outliers: 'iqr',
      outlierAction: 'drop',
    });
    const { rows, dropReason, dropDetail, matrix, features, report } = result;
    expect(dropReason).toHaveLength(table.rowCount);
    expect(report.read).toBe(table.rowCount);
    const dropped = Object.values(report.dropped).reduce((a, b) => a + b, 0);
    expect(report.kept + dropped).toBe(report.read);
    expect(rows).toHaveLength(report.kept);
    for (let r = 1; r < rows.length; r++) expect(rows[r]).toBeGreaterThan(rows[r - 1]);
    for (const row of rows) expect(dropReason[row]).toBe(KEPT);
    const setAside = listSetAside(dropReason, dropDetail);
    expect(setAside).toHaveLength(dropped);
    expect([...dropDetail.keys()].sort((a, b) => a - b)).toEqual(setAside.map((s) => s.row));
    for (const reason of DROP_REASONS)
      expect(setAside.filter((s) => s.reason === reason)).toHaveLength(report.dropped[reason]);
    expect(matrix).toHaveLength(rows.length * features.length);
    expect(matrix.every(Number.isFinite)).toBe(true);
    expect(features.map((f) => [f.name, f.column, f.transform, f.category])).toEqual([
      ['x', 'x', 'none', undefined],
      ['log1p(y)', 'y', 'log1p', undefined],
      ['c=a', 'c', 'onehot', 'a'],
      ['c=b', 'c', 'onehot', 'b'],
    ]);
  });
});
