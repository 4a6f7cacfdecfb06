import { describe, expect, it } from 'vitest';
import {
  attributeValue,
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_ISO_DATE,
  CELL_NO_VALUE,
  CELL_NUMBER,
  CELL_TEXT,
  columnOfReference,
  rowOfReference,
  SheetScanner,
  type RowCells,
} from '../../../src/core/read/sheetXml';

interface SeenRow {
  row: number;
  cells: [number, number, number, number | string][];
}

function scan(xml: string, pieces = 1, shared: string[] = ['zero', 'one']) {
  const rows: SeenRow[] = [];
  const dimensions: string[] = [];
  const scanner = new SheetScanner(shared, {
    dimension: (ref) => dimensions.push(ref),
    row(row: number, cells: RowCells) {
      const seen: SeenRow['cells'] = [];
      for (let i = 0; i < cells.count; i++) {
        const kind = cells.kinds[i];
        seen.push([
          cells.columns[i],
          kind,
          cells.styles[i],
          kind === CELL_NUMBER || kind === CELL_BOOLEAN ? cells.numbers[i] : cells.texts[i],
        ]);
      }
      rows.push({ row, cells: seen });
    },
  });
  const size = Math.ceil(xml.length / pieces);
  for (let at = 0; at < xml.length; at += size) scanner.push(xml.slice(at, at + size));
  scanner.push('', true);
  return { rows, dimensions, scanner };
}

const SHEET = `<?xml version="1.0"?><worksheet><dimension ref="B2:F4"/><sheetViews/><sheetData>
<row r="2" spans="2:6"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>inline &amp; text</t></is></c><c r="D2" s="3"><v>40513.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#DIV/0!</v></c></row>
<row r="3"/>
<row r="4"><c r="B4" t="str"><f>A1&amp;"x"</f><v>made &lt;here&gt;</v></c><c r="C4"><f>SUM(A1:A3)</f><v>6</v></c><c r="D4"><f>NOW()</f></c><c r="E4" s="2"/><c r="F4" t="d"><v>2024-03-05T10:00:00</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="B2:C2"/><mergeCell ref="D2:D3"/></mergeCells></worksheet>`;

describe('SheetScanner', () => {
  it('reads every kind of cell, never evaluating formulas, and the merged ranges', () => {
    const { rows, dimensions, scanner } = scan(SHEET);
    expect(dimensions).toEqual(['B2:F4']);
    expect(rows).toEqual([
      {
        row: 2,
        cells: [
          [1, CELL_TEXT, 0, 'zero'],
          [2, CELL_TEXT, 0, 'inline & text'],
          [3, CELL_NUMBER, 3, 40513.5],
          [4, CELL_BOOLEAN, 0, 1],
          [5, CELL_ERROR, 0, '#DIV/0!'],
        ],
      },
      {
        row: 4,
        cells: [
          [1, CELL_TEXT, 0, 'made <here>'],
          [2, CELL_NUMBER, 0, 6],
          [3, CELL_NO_VALUE, 0, ''],
          [5, CELL_ISO_DATE, 0, '2024-03-05T10:00:00'],
        ],
      },
    ]);
    expect(scanner.merges).toEqual(['B2:C2', 'D2:D3']);
    expect(scanner.formulaCount).toBe(3);
    expect(scanner.uncachedCount).toBe(1);
    expect(scanner.cellCount).toBe(9);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    const whole = scan(SHEET);
    for (const pieces of [2, 7, 50, SHEET.length]) {
      const cut = scan(SHEET, pieces);
      expect(cut.rows).toEqual(whole.rows);
      expect(cut.scanner.merges).toEqual(whole.scanner.merges);
    }
  });

  it('reads sheets with a namespace prefix and without cell or row references', () => {
    const xml = `<x:worksheet><x:sheetData><x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row><x:row><x:c/><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(scan(xml).rows).toEqual([
      {
        row: 1,
        cells: [
          [0, CELL_TEXT, 0, 'one'],
          [1, CELL_NUMBER, 0, 2.5],
        ],
      },
      { row: 2, cells: [[1, CELL_TEXT, 0, 'b']] },
    ]);
  });

  it('refuses a row too long to be a row of cells, rather than growing without end', () => {
    const scanner = new SheetScanner([], { dimension: () => {}, row: () => {} });
    scanner.push('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
    expect(() => scanner.push('x'.repeat((64 << 20) + 1))).toThrow(/row too long to be read/);
  });

  it('reads a formula saved with an empty number as a formula without a saved value', () => {
    // openpyxl and pandas write every formula so: its result was never calculated.
    const xml = `<worksheet><sheetData><row r="1"><c r="A1"><f>B1*C1</f><v></v></c><c r="B1" t="n"><f>1+1</f><v/></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>1+2</f><v>3</v></c></row></sheetData></worksheet>`;
    const { rows, scanner } = scan(xml);
    expect(rows).toEqual([
      {
        row: 1,
        cells: [
          [0, CELL_NO_VALUE, 0, ''],
          [1, CELL_NO_VALUE, 0, ''],
          [3, CELL_NUMBER, 0, 3],
        ],
      },
    ]);
    expect(scanner.formulaCount).toBe(4);
    expect(scanner.uncachedCount).toBe(2);
  });

  it('skips empty cells and empty text, and handles an empty sheet', () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v></v></c><c r="B1" t="inlineStr"><is><t></t></is></c><c r="C1" s="1"/></row></sheetData></worksheet>`;
    expect(scan(xml).rows).toEqual([]);
    expect(scan('<worksheet><sheetData/></worksheet>').rows).toEqual([]);
  });
});

describe('cell references', () => {
  it('reads columns and rows of references, absolute ones included', () => {
    expect(columnOfReference('A1')).toBe(0);
    expect(columnOfReference('Z9')).toBe(25);
    expect(columnOfReference('AB12')).toBe(27);
    expect(columnOfReference('$C$3')).toBe(2);
    expect(columnOfReference('XFD1048576')).toBe(16383);
    expect(rowOfReference('XFD1048576')).toBe(1048576);
    expect(rowOfReference('B')).toBe(0);
  });

  it('reads attributes with either quote', () => {
    expect(attributeValue(`<c r="A1" t='s'>`, 't')).toBe('s');
    expect(attributeValue('<c r="A1">', 't')).toBeNull();
  });
});
