import fc from 'fast-check';

const cell = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toFixed(2)),
  fc.double({ min: 0, max: 1e4, noNaN: true }).map((v) => v.toFixed(2).replace('.', ',')),
  fc.constantFrom('', 'NA', 'N/A', 'null', 'NaN', '?', '-', ' '),
  fc.constantFrom('=1+1', '+SUM(A1)', '-2+3', '@cmd', '＝1', '$1,234.50', '12%', '(5)'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
  fc.constantFrom('"a\nb"', '"x,y"', '"unclosed', 'mid"quote', '"a"b'),
);

const numberCell = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => v.toFixed(1)),
);

/** Columns of numbers (with some noise in them) or of anything, rows mostly of the right width. */
/** Random CSV text as real files come: any delimiter and line ending, quotes, unicode, gaps, ragged rows. */
export const csvText = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    header: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 }),
    numericColumns: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    rows: fc.array(
      fc.record({
        cells: fc.array(fc.tuple(numberCell, cell, fc.integer({ min: 0, max: 9 })), {
          minLength: 5,
          maxLength: 5,
        }),
        width: fc.integer({ min: -1, max: 12 }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ delimiter, newline, header, numericColumns, rows }) => {
    const columns = header.length;
    const lines = [
      header.join(delimiter),
      ...rows.map(({ cells, width }) => {
        // One row in ten has too few or too many fields.
        const count =
          width === -1 ? Math.max(0, columns - 1) : width === 12 ? columns + 1 : columns;
        return Array.from({ length: count }, (_, j) => {
          const [number, anything, noise] = cells[j % 5];
          return numericColumns[j % 5] && noise > 1 ? number : anything;
        }).join(delimiter);
      }),
    ];
    if (newline !== 'mixed') return lines.join(newline) + newline;
    return lines.map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join('');
  });
