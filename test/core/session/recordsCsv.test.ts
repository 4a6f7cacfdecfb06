import { describe, expect, it } from 'vitest';
import { numberColumns } from '../../../src/core/export/exportCsv';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { recordsCsvParts } from '../../../src/core/session/recordsCsv';

function linesOf(parts: string[]): string[] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).trimEnd().split('\r\n');
}

describe('recordsCsvParts', () => {
  it('writes the chosen records as written, Excel-safe, with the added columns after them', async () => {
    const table = await readCsv(
      textSource('id;amount;city;split\n1;-5;=cmd;a\n2;3,5;"Oslo; Norway";b\n3;;Rome;c\n'),
    );
    const lines = linesOf(
      recordsCsvParts(
        table,
        [2, 0, 1],
        { names: ['split', 'score'], cells: (r, cells) => cells.push(`s${r}`, String(r / 2)) },
        numberColumns(inferColumns(table).map((c) => c.kind)),
      ),
    );
    expect(lines).toEqual([
      // An added name that clashes with the file's gets a suffix.
      'id,amount,city,split,split_2,score',
      '3,,Rome,c,s0,0',
      "1,-5,'=cmd,a,s1,0.5",
      '2,"3,5",Oslo; Norway,b,s2,1',
    ]);
  });

  it('pads short records and reads malformed ones one by one', async () => {
    const table = await readCsv(textSource('a,b,c\n1,2\n"x,y",3,4\n5,"6\n7",8\n'), {});
    const count = table.rowCount;
    const lines = linesOf(
      recordsCsvParts(
        table,
        Array.from({ length: count }, (_, i) => i),
        { names: ['n'], cells: (r, cells) => cells.push(String(r)) },
        [true, true, true],
      ),
    );
    expect(lines[0]).toBe('a,b,c,n');
    expect(lines[1]).toBe('1,2,,0');
    expect(lines[2]).toBe('"x,y",3,4,1');
    expect(lines.length).toBe(1 + count);
  });
});
