/**
 * The hostile corpus (issue #20): one small file for each shape that once crashed, hung or misled
 * SegmentLens, with the outcome each must have. The CLI test (test/cli/hostileCorpus.test.ts) and
 * the browser test (test/e2e/hostile.test.ts) run every file and hold it to that outcome.
 */
import { generateCustomersCsv } from './customers';
import { writeZip } from './workbooks';

export interface HostileCase {
  name: string;
  /** What the file is, in a few words. */
  shape: string;
  bytes: Uint8Array;
  /** The command line's arguments after the file. */
  args: string[];
  /** 0: analysed; 2: refused in one line that matches `says`. */
  exit: 0 | 2;
  /** The line on stderr (refused) or a line of the report (analysed). */
  says: RegExp;
  /** The page: the alert's sentence when it refuses, or null when it shows results. */
  pageSays: RegExp | null;
}

const text = (value: string) => new TextEncoder().encode(value);

/** The generated customers with one cell replaced. */
function customersWith(row: number, column: string, cell: string, rows = 300): string {
  const lines = generateCustomersCsv({ rows, seed: 7, duplicates: 0 }).split('\n');
  const header = lines[0].split(',');
  const j = header.indexOf(column);
  const cells = lines[row].split(',');
  cells[j] = cell;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

function tableOf(header: string[], rows: number, cell: (i: number, j: number) => string): string {
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push(header.map((_, j) => cell(i, j)).join(','));
  return lines.join('\n');
}

/** Deterministic noise without a generator: enough to give every column a spread. */
const noise = (i: number, j: number) => (((i * 7919 + j * 104729) % 1000) / 100).toFixed(2);

export function hostileCorpus(): HostileCase[] {
  return [
    {
      name: 'extreme-number.csv',
      shape: 'one cell of 1e+308 in a feature',
      bytes: text(customersWith(5, 'annual_spend', '1e+308')),
      args: ['--k', '3', '--n-init', '2', '--k-max', '4'],
      exit: 0,
      says: /300 rows read/,
      pageSays: null,
    },
    {
      name: 'denormal.csv',
      shape: 'one denormal cell (1e-320)',
      bytes: text(customersWith(9, 'annual_spend', '1e-320')),
      args: ['--k', '3', '--n-init', '2', '--k-max', '4'],
      exit: 0,
      says: /300 rows read/,
      pageSays: null,
    },
    {
      name: 'word-in-numbers.csv',
      shape: 'a word in a numeric column',
      bytes: text(customersWith(3, 'annual_spend', 'oops')),
      args: ['--k', '3', '--n-init', '2', '--k-max', '4', '--json'],
      exit: 0,
      says: /not a number: \\"oops\\" in annual_spend/,
      pageSays: null,
    },
    {
      name: 'stray-quote.csv',
      shape: 'semicolons, decimal commas and a stray quote on line 2',
      bytes: text(
        [
          'name;spend;visits',
          'Ann "the first;12,5;3',
          ...Array.from({ length: 80 }, (_, i) => `c${i};${(i % 9) + 0.5},25;${(i * 7) % 11}`),
        ]
          .join('\n')
          .replace(/(\d)\.5,25/g, '$1,75'),
      ),
      args: ['--k', '2', '--n-init', '2', '--k-max', '3'],
      exit: 0,
      says: /Features \(z-score\): spend, visits/,
      pageSays: null,
    },
    {
      name: 'endless-line.csv',
      shape: 'one line of 40 MB of numbers',
      bytes: text('a,b\n' + '1,'.repeat(20 << 20) + '1\n'),
      args: [],
      exit: 2,
      says: /^segmentlens: Line 2 is longer than 16\.0 MB without ending/,
      pageSays: /Line 2 is longer than 16\.0 MB without ending/,
    },
    {
      name: 'too-many-columns.csv',
      shape: '10,001 columns',
      bytes: text(
        tableOf(
          Array.from({ length: 10_001 }, (_, j) => `c${j}`),
          2,
          () => '1',
        ),
      ),
      args: [],
      exit: 2,
      says: /^segmentlens: This file has 10,001 columns \(line 1\); SegmentLens reads at most 10,000/,
      pageSays: /This file has 10,001 columns \(line 1\)/,
    },
    {
      name: 'many-categories.csv',
      shape: 'a one-hot column of 300 categories',
      bytes: text(
        tableOf(['spend', 'visits', 'city'], 900, (i, j) =>
          j === 2 ? `city${i % 300}` : noise(i, j),
        ),
      ),
      args: ['--one-hot', 'city', '--k', '2', '--n-init', '1', '--k-max', '3'],
      exit: 0,
      says: /city has 300 categories: the 49 most frequent have a 0\/1 feature each, the other 251/,
      pageSays: null,
    },
    {
      name: 'nul-byte.csv',
      shape: 'one NUL byte in a row near the top',
      bytes: text(customersWith(2, 'region', 'No\u0000rth')),
      args: ['--k', '3', '--n-init', '2', '--k-max', '4', '--json'],
      exit: 0,
      says: /holds a NUL byte/,
      pageSays: null,
    },
    {
      name: 'prototype-names.csv',
      shape: 'columns named __proto__, constructor, toString, valueOf',
      bytes: text(
        tableOf(['__proto__', 'constructor', 'toString', 'valueOf'], 120, (i, j) =>
          ((i % 3) * 10 + Number(noise(i, j))).toFixed(2),
        ),
      ),
      args: ['--features', '__proto__,constructor', '--k', '3', '--n-init', '2', '--k-max', '4'],
      exit: 0,
      says: /Features \(z-score\): __proto__, constructor/,
      pageSays: null,
    },
    {
      name: 'wide.csv',
      shape: '600 columns of 200 rows',
      bytes: text(
        tableOf(
          Array.from({ length: 600 }, (_, j) => `f${j}`),
          200,
          noise,
        ),
      ),
      args: ['--k', '3', '--n-init', '2', '--k-max', '4'],
      exit: 0,
      says: /With 600 features, the clustering measured distances on the first \d+ principal components/,
      pageSays: null,
    },
    {
      name: 'spreadsheet.csv',
      shape: 'an OpenDocument spreadsheet named .csv',
      bytes: writeZip(
        {
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<office:document-content/>',
        },
        'mimetype',
      ),
      args: [],
      exit: 2,
      says: /^segmentlens: This file is an OpenDocument spreadsheet \(\.ods\), not a CSV, Excel workbook or Parquet file/,
      pageSays:
        /This file is an OpenDocument spreadsheet \(\.ods\), not a CSV, Excel workbook or Parquet file/,
    },
  ];
}
