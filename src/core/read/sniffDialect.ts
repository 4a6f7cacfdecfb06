import Papa from 'papaparse';
import { DELIMITERS, type Delimiter, type Dialect } from './dialect';
import { isMissingCell, parseNumberCell, type DecimalSeparator } from './parseNumber';

const SAMPLE_ROWS = 200;

/**
 * Guesses delimiter, decimal separator and header from the start of the file. The delimiter is
 * the candidate that splits the most rows into the same number of fields (more than one); a
 * decimal comma (`12,5`) cannot win for `,` because the header row would not split alike.
 */
export function sniffDialect(sample: string, sampleIsWholeFile: boolean): Dialect {
  const delimiter = sniffDelimiter(sample, sampleIsWholeFile);
  const rows = sampleRows(sample, delimiter, sampleIsWholeFile);
  const decimal = sniffDecimal(rows.slice(1), delimiter);
  const hasHeader = sniffHeader(rows, decimal);
  return { delimiter, decimal, hasHeader };
}

/**
 * The first rows of the sample, each line split on its own: a broken quote then spoils only its
 * own line instead of swallowing the rest of the sample into one field (which used to make a
 * semicolon file with one stray quote read as comma-separated). A quoted field that truly spans
 * lines is split too, but it is one odd row among many, and the decisions below go by majority.
 */
function sampleRows(sample: string, delimiter: string, whole: boolean): string[][] {
  const rows: string[][] = [];
  let start = 0;
  while (start < sample.length && rows.length <= SAMPLE_ROWS) {
    let end = sample.indexOf('\n', start);
    if (end === -1) {
      // The last line of a partial sample may be cut in the middle.
      if (!whole && rows.length > 0) break;
      end = sample.length;
    }
    const line = sample.slice(start, end);
    start = end + 1;
    if (line.trim().length === 0) continue;
    const fields = Papa.parse<string[]>(line, { delimiter, newline: '\n' }).data[0];
    if (fields !== undefined) rows.push(fields);
  }
  return rows;
}

export function sniffDelimiter(sample: string, sampleIsWholeFile: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    if (sample.indexOf(delimiter) === -1) continue;
    const rows = sampleRows(sample, delimiter, sampleIsWholeFile);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [fields, count] of counts) {
      if (count > modeCount || (count === modeCount && fields > mode)) {
        mode = fields;
        modeCount = count;
      }
    }
    if (mode < 2) continue;
    const consistency = modeCount / rows.length;
    const headerAgrees = rows[0].length === mode ? 1 : 0;
    // Consistency first, then a header that splits like the data, then more fields.
    const score = consistency * 4 + headerAgrees + Math.min(mode, 50) / 1000;
    if (score > bestScore + 1e-9) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const COMMA_DECIMAL_CELL =
  /^[-+]?[^\d\s]{0,3}\s?(?:\d{1,3}(?:[.\s\u00a0']\d{3})+|\d+),\d+\s?[^\d\s]{0,3}$/;
const DOT_DECIMAL_CELL = /^[-+]?[^\d\s]{0,3}\s?\d*\.\d+\s?[^\d\s]{0,3}$/;
const THOUSANDS_ONLY = /^[-+]?\d{1,3}(?:\.\d{3})+$/;

/**
 * A file uses a decimal comma when some cells look like `12,5` or `1.234,56` and no cell looks
 * like `12.5` (`1.234` alone is ambiguous: it could be a thousand with a dot for grouping).
 * In a comma-separated file a decimal comma needs quotes, so this rarely triggers there.
 */
function sniffDecimal(rows: string[][], delimiter: Delimiter): DecimalSeparator {
  let commaCells = 0;
  let dotCells = 0;
  for (const row of rows) {
    for (const raw of row) {
      const cell = raw.trim();
      if (cell.length === 0 || cell.length > 30) continue;
      if (COMMA_DECIMAL_CELL.test(cell)) {
        // `1,234` in a dot-decimal file is a thousand; only count it when it cannot be one.
        if (!/^[-+]?\d{1,3}(,\d{3})+$/.test(cell) || delimiter !== ',') commaCells++;
      } else if (DOT_DECIMAL_CELL.test(cell) && !THOUSANDS_ONLY.test(cell)) {
        dotCells++;
      }
    }
  }
  return commaCells > 0 && dotCells === 0 && commaCells >= rows.length * 0.05 ? ',' : '.';
}

/** The first row is a header unless every filled cell in it is a number. */
function sniffHeader(rows: string[][], decimal: DecimalSeparator): boolean {
  if (rows.length === 0) return true;
  let numbers = 0;
  for (const cell of rows[0]) {
    if (isMissingCell(cell)) continue;
    if (Number.isNaN(parseNumberCell(cell, decimal).value)) return true;
    numbers++;
  }
  return numbers === 0;
}
