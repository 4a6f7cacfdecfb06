import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { effectiveKinds } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { segmentCsvParts } from '../../../src/core/export/exportCsv';
import { csvText } from '../../support/csvText';
import { segmentFile } from '../../support/segmentFile';
import { isUserError } from '../../../src/core/common/userError';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

const FORMULA = /^[=+\-@\t\r\n＝＋－＠]/;

describe('any CSV text', () => {
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
          const numeric = effectiveKinds(analysis.columns, []).map(
            (kind) => kind === 'numeric' || kind === 'identifier',
          );
          const csv = segmentCsvParts({
            table,
            rows: analysis.rows,
            labels: chosen.labels,
            segmentLabels: new Map(
              chosen.profiles.segments.map((s) => [s.id, englishText(s.label)]),
            ),
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
          // The sentence reads in every language, its values all given.
          expect(renderMessage('zh', error.sentence).length).toBeGreaterThan(5);
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
