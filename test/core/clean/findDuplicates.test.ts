import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateRows } from '../../../src/core/clean/findDuplicates';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { rowSourceText, type Table } from '../../../src/core/read/table';

const tableOf = (text: string, chunkBytes?: number) =>
  readCsv(textSource(text), chunkBytes === undefined ? {} : { chunkBytes });

const everyRow = (table: Table) => new Uint8Array(table.rowCount).fill(1);

async function duplicatesOf(text: string): Promise<number[]> {
  const table = await tableOf(text);
  return Array.from(findDuplicateRows(table, everyRow(table)));
}

describe('findDuplicateRows', () => {
  it('points each repeat at the first row it repeats, and the others at -1', async () => {
    expect(await duplicatesOf('name,spend\nA,5\nB,6\nA,5\nA,5\nB,6\nB,7\n')).toEqual([
      -1, -1, 0, 0, 1, -1,
    ]);
  });

  it('takes only rows repeated to the character, not rows whose cells read as the same values', async () => {
    // $5 and €5, 5 and 5.0, "5" quoted and not, -0 and 0, a trailing space: the same numbers,
    // not the same rows.
    expect(
      await duplicatesOf('a,b\nA,$5\nA,€5\nx,5\nx,5.0\nx,"5"\ny,0\ny,-0\nz,1\nz,1 \n'),
    ).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, -1]);
  });

  it('counts a missing cell like any other: two rows missing it alike are duplicates', async () => {
    expect(await duplicatesOf('a,b\nA,\nA,\nA,NA\nA,NA\n')).toEqual([-1, 0, -1, 2]);
  });

  it('compares texts and numbers in every column', async () => {
    expect(await duplicatesOf('a,b,c\nA,1,x\nA,1,y\nA,2,x\nB,1,x\nA,1,x\n')).toEqual([
      -1, -1, -1, -1, 0,
    ]);
  });

  it('lets only candidate rows take part, on either side', async () => {
    const table = await tableOf('a\n1\n1\n1\n2\n2\n');
    // Row 0 is not a candidate: row 1 is the first of its kind, row 2 repeats it.
    const candidate = Uint8Array.from([0, 1, 1, 1, 0]);
    expect(Array.from(findDuplicateRows(table, candidate))).toEqual([-1, -1, 1, -1, -1]);
  });

  it('reads a file-backed table once to check the texts of many duplicates', async () => {
    const lines = ['id,spend'];
    for (let i = 0; i < 20_000; i++) lines.push(`C${i % 5000},${i % 5000}.25`);
    const source = textSource(lines.join('\n') + '\n');
    const read = source.readSync!;
    let reads = 0;
    source.readSync = (start, end) => (reads++, read(start, end));
    const table = await readCsv(source, { chunkBytes: 64 * 1024 });
    expect(table.rowText.chunks.every((chunk) => chunk === null)).toBe(true);
    const duplicate = findDuplicateRows(table, everyRow(table));
    expect(duplicate.filter((row) => row >= 0)).toHaveLength(15_000);
    expect(duplicate[5000]).toBe(0);
    expect(duplicate[19_999]).toBe(4999);
    // One pass, a block at a time, over a file of about 300 kB.
    expect(reads).toBeLessThanOrEqual(1);

    // One pair equal in value but not in text (1.0 against 1) sends the pass round again, on
    // the texts already read.
    const tail = source.size;
    const again = textSource(
      lines.join('\n') + '\nX,1.0\n' + 'pad,0\n'.repeat(200_000) + 'X,1\nX,1\n',
    );
    const readAgain = again.readSync!;
    let readsAgain = 0;
    again.readSync = (start, end) => (readsAgain++, readAgain(start, end));
    const second = await readCsv(again);
    const repeated = findDuplicateRows(second, everyRow(second));
    const last = second.rowCount - 1;
    expect(repeated[last]).toBe(last - 1);
    expect(repeated[last - 1]).toBe(-1);
    expect(repeated[20_000]).toBe(-1);
    // A file of about 1.7 MB read once in 1 MB blocks.
    expect(again.size).toBeGreaterThan(tail);
    expect(readsAgain).toBeLessThanOrEqual(Math.ceil(again.size / (1 << 20)));
  });

  it('finds nothing in a table of one row', async () => {
    expect(await duplicatesOf('a,b\n1,2\n')).toEqual([-1]);
  });

  it('equals a brute-force search on any table, rows spread over many chunks', async () => {
    const cell = fc.constantFrom('1', '1.0', '2', 'a', 'A', '', 'NA', '"a"', '$1', ' 1');
    const row = fc.array(cell, { minLength: 2, maxLength: 2 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        async (rows, picks) => {
          const table = await tableOf(`p,q\n${rows.join('\n')}\n`, 24);
          const candidate = Uint8Array.from({ length: table.rowCount }, (_, i) =>
            picks[i] ? 1 : 0,
          );
          const texts = Array.from({ length: table.rowCount }, (_, i) =>
            rowSourceText(table.rowText, i),
          );
          const expected = texts.map((text, i) =>
            candidate[i] === 0
              ? -1
              : texts.findIndex((t, j) => j < i && candidate[j] === 1 && t === text),
          );
          expect(Array.from(findDuplicateRows(table, candidate))).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
