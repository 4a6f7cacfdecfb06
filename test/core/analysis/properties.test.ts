import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { effectiveKinds } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { segmentCsvParts } from '../../../src/core/export/exportCsv';
import { readCsv } from '../../../src/core/read/readCsv';
import { segmentFile } from '../../support/segmentFile';
import { rowSourceText } from '../../../src/core/read/table';
import { isUserError } from '../../../src/core/common/userError';

/** Random CSV text as real files come: any delimiter and line ending, quotes, unicode, gaps, ragged rows. */
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
const csvText = fc
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

const FORMULA = /^[=+\-@\t\r\n＝＋－＠]/;

describe('any CSV text', () => {
  it('reads without an unexpected error, and every record keeps its text and status', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        try {
          const table = await readCsv(textSource(text), { chunkBytes: 64 });
          expect(table.rowStatus.length).toBe(table.rowCount);
          for (let row = 0; row < table.rowCount; row++)
            expect(typeof rowSourceText(table.rowText, row)).toBe('string');
          for (const column of table.columns) expect(column.numbers.length).toBe(table.rowCount);
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends in an analysis or a sentence for the user, and rows read = analysed + set aside', async () => {
    const outcomes = { analysed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        try {
          const { table, analysis } = await segmentFile(textSource(text), {
            analysis: { kMax: 3, nInit: 1, localSearch: false },
          });
          const { read, kept, dropped } = analysis.cleaning;
          expect(read).toBe(table.rowCount);
          expect(
            kept + dropped.malformed + dropped.duplicate + dropped.missing + dropped.outlier,
          ).toBe(read);
          expect(analysis.rows.length).toBe(kept);
          for (const result of analysis.results) expect(result.labels.length).toBe(kept);

          // Exports: every analysed row once, and no cell a spreadsheet would run as a formula.
          const chosen = analysis.results[analysis.k - 1];
          const numeric = effectiveKinds(analysis.columns, {}).map(
            (kind) => kind === 'numeric' || kind === 'identifier',
          );
          const csv = segmentCsvParts({
            table,
            rows: analysis.rows,
            labels: chosen.labels,
            segmentLabels: new Map(chosen.profiles.segments.map((s) => [s.id, s.label])),
            numericColumns: numeric,
          }).join('');
          const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
            delimiter: ',',
            newline: '\r\n',
          }).data.filter((r) => r.length > 1 || r[0] !== '');
          expect(parsed.length - 1).toBe(kept);
          outcomes.analysed++;
          parsed.slice(1).forEach((cells, r) => {
            cells.slice(0, table.columns.length).forEach((value, j) => {
              const genuine =
                numeric[j] && !Number.isNaN(table.columns[j].numbers[analysis.rows[r]]);
              if (!genuine)
                expect(FORMULA.test(value.replace(/^[ \u00a0]+/, '')), JSON.stringify(value)).toBe(
                  false,
                );
            });
          });
        } catch (error) {
          if (!isUserError(error)) throw error;
          expect(error.message.length).toBeGreaterThan(10);
          outcomes.refused++;
        }
      }),
      { numRuns: 300 },
    );
    // Both branches must really be exercised, or the property proves little.
    expect(outcomes.analysed).toBeGreaterThan(60);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});
