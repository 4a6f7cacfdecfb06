import { describe, expect, it } from 'vitest';
import { textSource } from '../../src/core/read/byteSource';
import { readCsv } from '../../src/core/read/readCsv';
import { SHAPES, shapeLines, type ShapeId } from '../../bench/shapes';

const ROWS = 3000;

function fileText(shape: ShapeId, rows = ROWS, seed?: number): string {
  return [...shapeLines(shape, rows, seed)].join('');
}

/** The cells of one record, quotes removed (the shapes quote whole cells, never a quote inside). */
function cellsOf(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...cells, cell];
}

/** What each cell means, worked out independently of the reader. */
function expectedNumbers(text: string, delimiter: string, decimalComma: boolean): number[][] {
  const lines = text.split(/\r?\n/).slice(1, -1);
  return lines.map((line) =>
    cellsOf(line, delimiter).map((cell) =>
      Number(decimalComma ? cell.replace(',', '.') : cell.replace(/[$,]/g, '')),
    ),
  );
}

describe('benchmark file shapes', () => {
  for (const shape of SHAPES.filter((s) => s.numeric)) {
    it(`the reader takes every cell of "${shape.title}" as the number it is`, async () => {
      const text = fileText(shape.id);
      const semicolons = shape.id === 'semicolon-comma-crlf';
      const expected = expectedNumbers(text, semicolons ? ';' : ',', semicolons);
      expect(expected).toHaveLength(ROWS);
      const table = await readCsv(textSource(text));
      expect(table.rowCount).toBe(ROWS);
      expect(table.issues).toEqual([]);
      expect(table.columns).toHaveLength(8);
      table.columns.forEach((column, j) => {
        expect(column.numberCount).toBe(ROWS);
        expect(column.missingCount).toBe(0);
        for (let row = 0; row < ROWS; row++) expect(column.numbers[row]).toBe(expected[row][j]);
      });
    });
  }

  it('writes what each shape is named for', () => {
    const firstRow = (shape: ShapeId) => fileText(shape, 200).split('\n')[1];
    expect(fileText('plain', 50)).toMatch(/^[a-z_,]+\n(\d+\.\d\d,){7}\d+\.\d\d\n/);
    expect(fileText('negatives', 200)).toMatch(/,-\d+\.\d{4},/);
    expect(fileText('negatives', 200)).toMatch(/,-\d+\.\d{6},/);
    expect(firstRow('exponents')).toMatch(/^-?\d\.\d{4}e[+-]\d+,/);
    expect(firstRow('quoted')).toMatch(/^"-?\d+\.\d{3}",/);
    expect(fileText('semicolon-comma-crlf', 50)).toMatch(
      /^[a-z_;]+\r\n(-?\d+,\d\d;){7}-?\d+,\d\d\r\n/,
    );
    expect(fileText('thousands-currency', 200)).toMatch(/"\$\d{1,3},\d{3}\.\d\d"/);
    expect(fileText('order-lines', 200)).toContain('"VINTAGE SNAP CARDS, ""SPOTTY"""');
  });

  it('is the same file for the same seed, another for another seed', () => {
    expect(fileText('quoted', 500)).toBe(fileText('quoted', 500));
    expect(fileText('quoted', 500, 22)).not.toBe(fileText('quoted', 500));
  });

  it('reads the order lines as eight columns, text and numbers, every row kept', async () => {
    const table = await readCsv(textSource(fileText('order-lines')));
    expect(table.rowCount).toBe(ROWS);
    expect(table.issues).toEqual([]);
    const byName = new Map(table.columns.map((column) => [column.name, column]));
    expect([...byName.keys()]).toEqual([
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ]);
    expect(byName.get('Quantity')!.numberCount).toBe(ROWS);
    expect(byName.get('Description')!.numberCount).toBe(0);
    expect(byName.get('CustomerID')!.missingCount).toBeGreaterThan(ROWS / 10);
  });
});
