import { describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import {
  cellIndex,
  defaultSegmentMap,
  GRID_CELLS,
  MEAN_CELL_SCORES,
  MEAN_CELLS,
  meanCell,
  nameSegments,
  reassignCell,
  renameSegment,
  SCHEME_CELLS,
  SCORE_LEVELS,
  SEGMENT_SCHEMES,
  segmentMapProblem,
} from '../../../src/core/rfm/rfmSegments';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { defaultEnglishMap, englishMap } from '../../support/rfm';

describe('the default segment map', () => {
  // The table, written out cell by cell: R rows 5..1, F columns 1..5.
  const expected: Record<number, string[]> = {
    5: ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
    4: [
      'Promising',
      'Potential Loyalists',
      'Potential Loyalists',
      'Loyal Customers',
      'Loyal Customers',
    ],
    3: ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
    2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
    1: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  };

  it('names every cell of the R-by-F grid as the issue defines it', () => {
    const map = defaultEnglishMap();
    expect(map.scheme).toBe('rf-grid');
    expect(defaultSegmentMap().scheme).toBe('rf-grid');
    expect(segmentMapProblem(map)).toBeNull();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        expect(map.names[map.cells[cellIndex(r, f)]], `R${r} F${f}`).toBe(expected[r][f - 1]);
  });

  it('says its names as messages, for the page to render in the user language', () => {
    const map = defaultSegmentMap('rf-grid');
    expect(map.names[0]).toEqual(message('rfmChampions'));
    expect(map.names.every((name) => typeof name === 'object')).toBe(true);
    expect(map.names.map((name) => renderMessage('zh', name as Message))).toContain('冠军客户');
  });

  it('can be renamed and rearranged, and refuses a map with a blank or repeated name', () => {
    const map = defaultSegmentMap();
    const champions = defaultEnglishMap().names.indexOf('Champions');
    const renamed = renameSegment(map, champions, 'VIPs');
    expect(renamed.names[champions]).toBe('VIPs');
    expect(map.names[champions]).toEqual(message('rfmChampions'));
    const moved = reassignCell(renamed, cellIndex(4, 5), champions);
    expect(moved.names[moved.cells[cellIndex(4, 5)]]).toBe('VIPs');
    expect(segmentMapProblem(englishMap(renameSegment(map, 0, '  ')))).toEqual(
      message('segmentMapBlank'),
    );
    expect(segmentMapProblem(englishMap(renameSegment(map, 0, 'hibernating')))).toEqual(
      message('segmentMapTwice', { name: 'Hibernating' }),
    );
  });

  it('is a fresh map each time, so editing one leaves the next alone', () => {
    for (const scheme of SEGMENT_SCHEMES) {
      const first = defaultSegmentMap(scheme);
      first.cells[0] = 3;
      first.names[0] = 'changed';
      expect(defaultSegmentMap(scheme).cells[0]).not.toBe(3);
      expect(defaultSegmentMap(scheme).names[0]).not.toBe('changed');
    }
    expect(defaultEnglishMap().names[0]).toBe('Champions');
  });

  it('keeps a cell moved to another segment there, and follows it in the names', () => {
    const map = defaultEnglishMap();
    const champions = map.names.indexOf('Champions');
    const moved = reassignCell(defaultSegmentMap(), cellIndex(5, 1), champions);
    expect(englishMap(moved).names[moved.cells[cellIndex(5, 1)]]).toBe('Champions');
    expect(map.names[map.cells[cellIndex(5, 1)]]).toBe('New Customers');
  });
});

describe('the eight-segment map of R, F and M against the mean', () => {
  // Important customers spend more than the mean; value, development, retention and win-back
  // are R and F high, R high only, F high only, neither.
  const expectedName = (r: boolean, f: boolean, m: boolean) =>
    `${m ? 'Important' : 'General'} ${r ? (f ? 'value' : 'development') : f ? 'retention' : 'win-back'} customers`;

  it('covers all 8 cells once, each with the segment its R, F and M call for', () => {
    const map = defaultSegmentMap('rfm-mean');
    expect(map.scheme).toBe('rfm-mean');
    expect(map.cells).toHaveLength(MEAN_CELLS);
    expect(map.names).toHaveLength(8);
    expect(new Set(map.cells)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    const named = englishMap(map);
    expect(segmentMapProblem(named)).toBeNull();
    const inPageOrder = MEAN_CELL_SCORES.map(({ cell }) => named.names[named.cells[cell]]);
    expect(inPageOrder).toEqual(MEAN_CELL_SCORES.map(({ r, f, m }) => expectedName(r, f, m)));
    expect(inPageOrder).toEqual([
      'Important value customers',
      'General value customers',
      'Important development customers',
      'General development customers',
      'Important retention customers',
      'General retention customers',
      'Important win-back customers',
      'General win-back customers',
    ]);
  });

  it('names its segments as the Chinese analytics teams do', () => {
    const names = nameSegments(defaultSegmentMap('rfm-mean'), (m) => renderMessage('zh', m));
    expect(names.names).toEqual([
      '重要价值客户',
      '重要发展客户',
      '重要保持客户',
      '重要挽留客户',
      '一般价值客户',
      '一般发展客户',
      '一般保持客户',
      '一般挽留客户',
    ]);
  });

  it('lists the cells R first, then F, then M, high before low, each once', () => {
    expect(MEAN_CELL_SCORES).toHaveLength(MEAN_CELLS);
    expect(new Set(MEAN_CELL_SCORES.map((score) => score.cell)).size).toBe(MEAN_CELLS);
    const levels = MEAN_CELL_SCORES.map(({ r, f, m }) => [r, f, m].map((high) => (high ? 1 : 0)));
    expect(levels.map((bits) => bits.join(''))).toEqual([
      '111',
      '110',
      '101',
      '100',
      '011',
      '010',
      '001',
      '000',
    ]);
    for (const { cell, r, f, m } of MEAN_CELL_SCORES) expect(meanCell(r, f, m)).toBe(cell);
  });
});

describe('meanCell', () => {
  it('sets bit 2 for R low, bit 1 for F low and bit 0 for M low', () => {
    expect(meanCell(true, true, true)).toBe(0);
    expect(meanCell(true, true, false)).toBe(1);
    expect(meanCell(true, false, true)).toBe(2);
    expect(meanCell(false, true, true)).toBe(4);
    expect(meanCell(false, false, false)).toBe(7);
  });
});

describe('nameSegments', () => {
  it('renders the default names and keeps the names the user typed', () => {
    const typed = renameSegment(defaultSegmentMap('rfm-mean'), 2, '老客户');
    const seen: Message[] = [];
    const named = nameSegments(typed, (m) => {
      seen.push(m);
      return `<${englishText(m)}>`;
    });
    expect(named.scheme).toBe('rfm-mean');
    expect(named.cells).toEqual(typed.cells);
    expect(named.names[0]).toBe('<Important value customers>');
    expect(named.names[2]).toBe('老客户');
    expect(seen).toHaveLength(7);
    expect(seen).not.toContainEqual(message('rfmImportantRetention'));
  });

  it('leaves a map without names empty', () => {
    const empty = nameSegments({ scheme: 'rf-grid', names: [], cells: [] }, englishText);
    expect(empty).toEqual({ scheme: 'rf-grid', names: [], cells: [] });
  });
});

describe('cellIndex', () => {
  it('numbers the 25 cells row by row, R then F, from 0', () => {
    expect(SCORE_LEVELS).toBe(5);
    expect(GRID_CELLS).toBe(25);
    expect(SCHEME_CELLS).toEqual({ 'rf-grid': 25, 'rfm-mean': 8 });
    expect(cellIndex(1, 1)).toBe(0);
    expect(cellIndex(1, 5)).toBe(4);
    expect(cellIndex(2, 1)).toBe(5);
    expect(cellIndex(5, 5)).toBe(24);
    const all = new Set<number>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) all.add(cellIndex(r, f));
    expect(all.size).toBe(25);
  });

  it('gives R-by-F pairs the segments of the default map', () => {
    const map = defaultEnglishMap();
    const pairs = [
      [5, 5],
      [5, 1],
      [1, 5],
      [3, 3],
    ];
    expect(pairs.map(([r, f]) => map.names[map.cells[cellIndex(r, f)]])).toEqual([
      'Champions',
      'New Customers',
      "Can't Lose Them",
      'Need Attention',
    ]);
  });
});

describe('segmentMapProblem', () => {
  const map = defaultEnglishMap();

  it('wants as many cells as the scheme has', () => {
    expect(segmentMapProblem({ ...map, cells: map.cells.slice(1) })).toEqual(
      message('segmentMapCells', { count: 25 }),
    );
    expect(englishText(message('segmentMapCells', { count: 25 }))).toBe('The grid needs 25 cells.');
    const eight = defaultEnglishMap('rfm-mean');
    expect(segmentMapProblem({ ...eight, cells: map.cells })).toEqual(
      message('segmentMapCells', { count: 8 }),
    );
  });

  it('wants every cell to point at one of the segments', () => {
    const problem = message('segmentMapUnassigned');
    const pointedAt = (segment: number) =>
      segmentMapProblem(englishMap(reassignCell(defaultSegmentMap(), cellIndex(1, 1), segment)));
    expect(pointedAt(-1)).toEqual(problem);
    expect(pointedAt(map.names.length)).toEqual(problem);
    expect(pointedAt(0.5)).toEqual(problem);
    expect(pointedAt(0)).toBeNull();
    expect(englishText(problem)).toBe('Every cell of the grid must belong to a segment.');
  });

  it('wants distinct names, ignoring case and edge spaces, and quotes the repeated one', () => {
    const twice = segmentMapProblem(
      englishMap(renameSegment(defaultSegmentMap(), 1, ' champions ')),
    );
    expect(twice).toEqual(message('segmentMapTwice', { name: 'champions' }));
    expect(englishText(twice!)).toBe(
      'Two segments are called "champions": give each its own name.',
    );
    const blank = segmentMapProblem(englishMap(renameSegment(defaultSegmentMap(), 1, '')));
    expect(blank).toEqual(message('segmentMapBlank'));
    expect(englishText(blank!)).toBe('Every segment needs a name: type one in.');
  });

  it('allows a segment without cells (the user emptied it)', () => {
    const champions = map.names.indexOf('Champions');
    let emptied = defaultSegmentMap();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        if (emptied.cells[cellIndex(r, f)] === champions)
          emptied = reassignCell(emptied, cellIndex(r, f), 1);
    expect(emptied.cells).not.toContain(champions);
    expect(segmentMapProblem(englishMap(emptied))).toBeNull();
  });
});

describe('renameSegment and reassignCell', () => {
  it('leave the map they are given unchanged', () => {
    const map = defaultSegmentMap();
    const names = [...map.names];
    const cells = [...map.cells];
    expect(renameSegment(map, 2, 'Other').scheme).toBe('rf-grid');
    expect(reassignCell(map, cellIndex(1, 1), 0).scheme).toBe('rf-grid');
    expect(map.names).toEqual(names);
    expect(map.cells).toEqual(cells);
  });
});
