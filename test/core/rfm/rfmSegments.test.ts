import { describe, expect, it } from 'vitest';
import {
  assignSegments,
  cellIndex,
  defaultSegmentMap,
  GRID_CELLS,
  reassignCell,
  renameSegment,
  SCORE_LEVELS,
  segmentMapProblem,
} from '../../../src/core/rfm/rfmSegments';

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
    const map = defaultSegmentMap();
    expect(segmentMapProblem(map)).toBeNull();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        expect(map.names[map.cells[cellIndex(r, f)]], `R${r} F${f}`).toBe(expected[r][f - 1]);
  });

  it('can be renamed and rearranged, and refuses a map with a blank or repeated name', () => {
    const map = defaultSegmentMap();
    const champions = map.names.indexOf('Champions');
    const renamed = renameSegment(map, champions, 'VIPs');
    expect(renamed.names[champions]).toBe('VIPs');
    expect(map.names[champions]).toBe('Champions');
    const moved = reassignCell(renamed, 4, 5, champions);
    expect(moved.names[moved.cells[cellIndex(4, 5)]]).toBe('VIPs');
    expect(segmentMapProblem(renameSegment(map, 0, '  '))).toMatch(/needs a name/);
    expect(segmentMapProblem(renameSegment(map, 0, 'hibernating'))).toMatch(/Two segments/);
  });

  it('is a fresh map each time, so editing one leaves the next alone', () => {
    const first = defaultSegmentMap();
    first.cells[0] = 3;
    first.names[0] = 'changed';
    expect(defaultSegmentMap().cells[0]).not.toBe(3);
    expect(defaultSegmentMap().names[0]).toBe('Champions');
  });
});

describe('cellIndex', () => {
  it('numbers the 25 cells row by row, R then F, from 0', () => {
    expect(SCORE_LEVELS).toBe(5);
    expect(GRID_CELLS).toBe(25);
    expect(cellIndex(1, 1)).toBe(0);
    expect(cellIndex(1, 5)).toBe(4);
    expect(cellIndex(2, 1)).toBe(5);
    expect(cellIndex(5, 5)).toBe(24);
    const all = new Set<number>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) all.add(cellIndex(r, f));
    expect(all.size).toBe(25);
  });
});

describe('assignSegments', () => {
  it('gives each customer the segment of their R-by-F cell under the map', () => {
    const map = defaultSegmentMap();
    const r = Uint8Array.from([5, 5, 1, 3]);
    const f = Uint8Array.from([5, 1, 5, 3]);
    const names = Array.from(assignSegments(r, f, map), (s) => map.names[s]);
    expect(names).toEqual(['Champions', 'New Customers', "Can't Lose Them", 'Need Attention']);
  });

  it('follows an edited map and writes into the array it is given', () => {
    const moved = reassignCell(defaultSegmentMap(), 5, 1, 0);
    const out = new Uint8Array(1);
    expect(assignSegments(Uint8Array.from([5]), Uint8Array.from([1]), moved, out)).toBe(out);
    expect(moved.names[out[0]]).toBe('Champions');
    expect(assignSegments(new Uint8Array(0), new Uint8Array(0), moved)).toHaveLength(0);
  });
});

describe('segmentMapProblem', () => {
  const map = defaultSegmentMap();

  it('wants 25 cells', () => {
    expect(segmentMapProblem({ ...map, cells: map.cells.slice(1) })).toBe(
      'The grid needs 25 cells.',
    );
  });

  it('wants every cell to point at one of the segments', () => {
    const problem = 'Every cell of the grid must belong to a segment.';
    expect(segmentMapProblem(reassignCell(map, 1, 1, -1))).toBe(problem);
    expect(segmentMapProblem(reassignCell(map, 1, 1, map.names.length))).toBe(problem);
    expect(segmentMapProblem(reassignCell(map, 1, 1, 0.5))).toBe(problem);
  });

  it('wants distinct names, ignoring case and edge spaces, and quotes the repeated one', () => {
    expect(segmentMapProblem(renameSegment(map, 1, ' champions '))).toBe(
      'Two segments are called "champions": give each its own name.',
    );
    expect(segmentMapProblem(renameSegment(map, 1, ''))).toBe(
      'Every segment needs a name: type one in.',
    );
  });

  it('allows a segment without cells (the user emptied it)', () => {
    const champions = map.names.indexOf('Champions');
    let emptied = map;
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        if (emptied.cells[cellIndex(r, f)] === champions) emptied = reassignCell(emptied, r, f, 1);
    expect(emptied.cells).not.toContain(champions);
    expect(segmentMapProblem(emptied)).toBeNull();
  });
});

describe('renameSegment and reassignCell', () => {
  it('leave the map they are given unchanged', () => {
    const map = defaultSegmentMap();
    const names = [...map.names];
    const cells = [...map.cells];
    renameSegment(map, 2, 'Other');
    reassignCell(map, 1, 1, 0);
    expect(map.names).toEqual(names);
    expect(map.cells).toEqual(cells);
  });
});
