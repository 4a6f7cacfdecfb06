import fc from 'fast-check';
import Papa from 'papaparse';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../src/core/analysis/analysisOptions';
import { resultFor } from '../../src/core/analysis/analysisResult';
import { isPlainNumber } from '../../src/core/export/exportCsv';
import { isUserError } from '../../src/core/common/userError';
import { textSource } from '../../src/core/read/byteSource';
import { AnalysisSession } from '../../src/core/session/session';
import { englishText } from '../../src/i18n/formatMessage';

/**
 * Hostile tables for the whole pipeline (read, kinds, clean, scale, PCA, k-means, export): the
 * shapes issue #20 found breaking it, drawn at random. What must hold for every one of them is
 * in `checkPipeline`.
 */
const HEADERS = [
  'spend',
  'visits',
  'age',
  'region',
  'id',
  '',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '=HYPERLINK("http://x")',
  '+cmd',
  'a,b',
  'quote"d',
  '\u202egnp.exe',
  '客户编号',
];

const NUMBERS = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -1e8, max: 1e8 }).map((v) => String(v / 100)) },
  { weight: 8, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '1e+308',
      '-1.7e308',
      '1e200',
      '1e-320',
      '5e-324',
      'NaN',
      'Infinity',
      '-Infinity',
      '+-3',
      '1,5',
      '1.234,5',
      '0',
      '-0',
      '',
      ' ',
    ),
  },
);

const HOSTILE_TEXT = fc.constantFrom(
  '=1+1',
  '-USD5',
  '+EUR12',
  '@SUM(A1)',
  '\u200b=1+1',
  '\u3000=1',
  '\u000b=1',
  '<script>alert(1)</script>',
  'oops',
  'North',
  'South',
  '"quoted"',
  'line\nbreak',
  '\u0000',
  '客户',
);

/** A numeric column now and then holds something else: a word, a formula, a stray symbol. */
const NUMERIC_CELL = fc.oneof(
  { weight: 12, arbitrary: NUMBERS },
  { weight: 1, arbitrary: HOSTILE_TEXT },
);
const TEXT_CELL = fc.oneof(
  { weight: 3, arbitrary: HOSTILE_TEXT },
  { weight: 1, arbitrary: NUMBERS },
);

export interface FuzzTable {
  delimiter: ',' | ';' | '\t' | '|';
  header: string[];
  rows: string[][];
}

export const fuzzTable: fc.Arbitrary<FuzzTable> = fc
  .record({
    delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const, '|' as const),
    columns: fc.integer({ min: 1, max: 6 }),
    rows: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 60 })),
  })
  .chain(({ delimiter, columns, rows }) =>
    fc.record({
      delimiter: fc.constant(delimiter),
      header: fc.array(fc.constantFrom(...HEADERS), { minLength: columns, maxLength: columns }),
      // Column by column (mostly numeric ones), then now and then a row cut short or run long.
      columns: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.array(NUMERIC_CELL, { minLength: rows, maxLength: rows }) },
          { weight: 1, arbitrary: fc.array(TEXT_CELL, { minLength: rows, maxLength: rows }) },
        ),
        { minLength: columns, maxLength: columns },
      ),
      ragged: fc.array(fc.constantFrom(-1, 0, 0, 0, 0, 0, 0, 0, 0, 1), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  )
  .map(({ delimiter, header, columns, ragged }) => ({
    delimiter,
    header,
    rows: ragged.map((change, r) => {
      const row = columns.map((column) => column[r]);
      return change < 0 ? row.slice(0, -1) : change > 0 ? [...row, '1'] : row;
    }),
  }));

export function tableText({ delimiter, header, rows }: FuzzTable): string {
  return Papa.unparse([header, ...rows], { delimiter, newline: '\n' });
}

const OPTIONS: AnalysisOptions = {
  ...DEFAULT_ANALYSIS_OPTIONS,
  kMax: 3,
  nInit: 1,
  silhouetteSample: 50,
};

/** A user error must be one plain line, with nothing of the machinery in it. */
function checkUserSentence(error: unknown): void {
  if (!isUserError(error)) throw error;
  const text = englishText(error.sentence);
  if (text.length === 0 || /\n|undefined|NaN|\[object|Error:/.test(text))
    throw new Error(`A user error reads badly: ${JSON.stringify(text)}`);
}

/** A cell a spreadsheet would run as a formula, after the invisible characters it skips. */
function isFormulaCell(cell: string): boolean {
  const visible = cell.replace(/^[\s\u180e\u200b-\u200f\u2060\ufeff]+/, '');
  return /^[=+\-@\t\r＝＋－＠]/.test(visible) && !isPlainNumber(cell);
}

/**
 * Reads and segments the text, and exports every segment: either a user error in one plain
 * sentence, or every row read is analysed or set aside, and no exported cell starts a formula.
 * Returns the export (or the sentence), so that a second run can be compared with it.
 */
export async function checkPipeline(text: string): Promise<string> {
  let session: AnalysisSession;
  try {
    session = await AnalysisSession.open(textSource(text), 'fuzz.csv', {});
  } catch (error) {
    checkUserSentence(error);
    return `refused: ${englishText((error as { sentence: never }).sentence)}`;
  }
  const request = { options: OPTIONS, rfm: null };
  try {
    const analysis = await session.segmentation(request);
    const { cleaning } = analysis;
    const setAside = Object.values(cleaning.dropped).reduce((sum, count) => sum + count, 0);
    if (cleaning.read !== cleaning.kept + setAside || cleaning.read !== session.table.rowCount)
      throw new Error(
        `Rows lost: ${session.table.rowCount} in the table, ${cleaning.read} read, ${cleaning.kept} kept, ${setAside} set aside`,
      );
    if (analysis.rows.length !== cleaning.kept)
      throw new Error(`${analysis.rows.length} rows analysed, ${cleaning.kept} kept`);
    const result = resultFor(analysis, analysis.k);
    if (result === null) throw new Error(`No result at k = ${analysis.k}`);
    if (!Number.isFinite(result.inertia)) throw new Error(`Inertia ${result.inertia}`);
    const exported = await session.exportSegments(request, analysis.k, null, englishText);
    const csv = exported.parts.join('');
    const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { header: false });
    for (const row of parsed.data)
      for (const cell of row)
        if (isFormulaCell(cell)) throw new Error(`An exported cell starts a formula: ${cell}`);
    if (parsed.data.length - 1 < cleaning.kept)
      throw new Error(`${parsed.data.length - 1} exported rows for ${cleaning.kept} analysed`);
    return csv;
  } catch (error) {
    checkUserSentence(error);
    return `refused: ${englishText((error as { sentence: never }).sentence)}`;
  }
}

/** The property: checkPipeline holds, and the same text gives the same outcome twice. */
export const pipelineProperty = fc.asyncProperty(fuzzTable, async (table) => {
  const text = tableText(table);
  const first = await checkPipeline(text);
  const second = await checkPipeline(text);
  if (first !== second) throw new Error('The same file gave two different outcomes');
});
