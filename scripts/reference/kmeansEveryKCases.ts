import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { clusterDefaultsFor } from '../../src/core/analysis/clusterDefaults';
import { createRandom, type Random } from '../../src/core/common/random';
import { bytesSource, textSource } from '../../src/core/read/byteSource';
import { AnalysisSession } from '../../src/core/session/session';
import { TableAnalysis } from '../../src/core/session/tableAnalysis';
import { gaussian, generateCustomersCsv, generateNumericCsv } from '../generators/customers';
import { shapeLines, type ShapeId } from '../../bench/shapes';

/**
 * The files of the k-means-at-every-k reference check (#18.4, #21.5): seeded generated shapes and
 * one shared real file, each turned into the matrix our pipeline clusters (cleaned, scaled, PCA
 * as the page's defaults choose), with the restarts the page would use at its size. The check
 * and the export for scikit-learn (scripts/reference/sklearn_kmeans_every_k.py) both use this
 * module, so both sides cluster exactly the same numbers.
 */
export interface KmeansCase {
  name: string;
  matrix: Float64Array;
  n: number;
  d: number;
  /** Restarts at the page's defaults for this file (clusterDefaultsFor). */
  nInit: number;
}

export const KMEANS_EVERY_K_MAX = 10;

interface CaseSource {
  name: string;
  text: () => string | Uint8Array | null;
}

function csvOf(header: string[], rows: number, cells: (random: Random) => string[], seed: number) {
  const random = createRandom(seed);
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push(cells(random).join(','));
  return lines.join('\n') + '\n';
}

const columns = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, j) => `${prefix}_${j + 1}`);

/** Overlapping clusters around negative centres, written with four decimals. */
function negativeFourDecimals(rows: number): string {
  const centres = [
    [-3.2, -0.5, -12.1, -0.02, -7],
    [-1.1, -2.4, -9.8, -0.09, -4.5],
    [-2.5, -1.2, -15.3, -0.05, -9.2],
    [-0.4, -0.9, -11, -0.12, -6.1],
  ];
  const spreads = [0.8, 0.6, 2.1, 0.03, 1.7];
  return csvOf(
    columns(5, 'balance'),
    rows,
    (random) => {
      const centre = centres[random.int(centres.length)];
      return centre.map((mean, j) => gaussian(random, mean, spreads[j]).toFixed(4));
    },
    41,
  );
}

/** Skewed and heavy-tailed columns: log-normal spend, Pareto order sizes, exponential gaps. */
function skewedHeavyTailed(rows: number): string {
  return csvOf(
    ['spend', 'order_size', 'days_between', 'items', 'discount_share'],
    rows,
    (random) => {
      const heavy = random.next() < 0.15;
      const spend = Math.exp(gaussian(random, heavy ? 7 : 4.5, 1.1));
      const orderSize = 20 / Math.pow(1 - random.next(), 1 / 1.6);
      const gap = -Math.log(1 - random.next()) * (heavy ? 9 : 40);
      const items = Math.round(Math.exp(gaussian(random, heavy ? 2.5 : 1.2, 0.7)));
      const discount = Math.min(1, Math.max(0, gaussian(random, heavy ? 0.05 : 0.25, 0.1)));
      return [
        spend.toFixed(2),
        orderSize.toFixed(2),
        gap.toFixed(1),
        String(items),
        discount.toFixed(3),
      ];
    },
    43,
  );
}

/** Seven well-separated blobs in six dimensions. */
function separatedBlobs(rows: number): string {
  const random = createRandom(47);
  const centres = Array.from({ length: 7 }, () =>
    Array.from({ length: 6 }, () => gaussian(random, 0, 20)),
  );
  return csvOf(
    columns(6, 'x'),
    rows,
    (r) => centres[r.int(centres.length)].map((mean) => gaussian(r, mean, 1).toFixed(3)),
    48,
  );
}

/** No structure at all: independent uniform columns. */
function noStructure(rows: number): string {
  return csvOf(
    columns(6, 'u'),
    rows,
    (random) => Array.from({ length: 6 }, () => (random.next() * 100).toFixed(3)),
    53,
  );
}

/** One of the benchmark's file shapes (bench/shapes.ts), seeded as the benchmark writes it. */
function benchShape(shape: ShapeId, rows: number): string {
  return [...shapeLines(shape, rows)].join('');
}

function benchCsv(rows: number): string {
  return [...generateNumericCsv(rows, 8, 6, 7)].join('');
}

/** ../shared beside the repository (or SEGMENTLENS_SHARED). */
export const SHARED_DIR =
  process.env.SEGMENTLENS_SHARED ?? join(import.meta.dirname, '../../../shared');

/**
 * The real case: the shared marketing campaign file (2,240 customers, tab-separated, 29 columns,
 * blank incomes). null when the shared data are not there.
 */
function sharedFile(name: string): Uint8Array | null {
  const path = join(SHARED_DIR, 'datasets', name);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

export const KMEANS_CASE_SOURCES: CaseSource[] = [
  { name: 'bench-1000x8', text: () => benchCsv(1_000) },
  { name: 'bench-6000x8', text: () => benchCsv(6_000) },
  { name: 'bench-100000x8', text: () => benchCsv(100_000) },
  { name: 'customers-6000', text: () => generateCustomersCsv({ rows: 6_000, seed: 31 }) },
  { name: 'negative-4-decimals-3000', text: () => negativeFourDecimals(3_000) },
  { name: 'skewed-heavy-tails-7000', text: () => skewedHeavyTailed(7_000) },
  { name: 'separated-blobs-2000', text: () => separatedBlobs(2_000) },
  { name: 'no-structure-8000', text: () => noStructure(8_000) },
  // A benchmark shape past RESTART_SAMPLE, where the swap search runs on a sample (#21.5).
  { name: 'shape-negatives-1000000', text: () => benchShape('negatives', 1_000_000) },
  { name: 'marketing-campaign', text: () => sharedFile('marketing_campaign_tab.csv') },
];

/**
 * One case as the page would cluster it: the file read, kinds inferred, the default cleaning,
 * scaling and components, and the restarts the page's defaults give its row count.
 */
export async function kmeansCase(source: CaseSource): Promise<KmeansCase | null> {
  const text = source.text();
  if (text === null) return null;
  const bytes = typeof text === 'string' ? textSource(text) : bytesSource(text);
  const session = await AnalysisSession.open(bytes, `${source.name}.csv`, {});
  const defaults = clusterDefaultsFor(session.summary().rowCount);
  const options = { ...DEFAULT_ANALYSIS_OPTIONS, ...defaults };
  const { data } = new TableAnalysis(session.table, session.columns).features(options);
  return { name: source.name, matrix: data.matrix, n: data.n, d: data.d, nInit: defaults.nInit };
}

/** A fingerprint of a matrix, so the check knows scikit-learn clustered the same numbers. */
export function matrixFingerprint(matrix: Float64Array): {
  weightedSum: number;
  sumSquares: number;
} {
  // Weighted, because a standardised column sums to about zero whatever its values.
  let weightedSum = 0;
  let sumSquares = 0;
  matrix.forEach((value, i) => {
    weightedSum += value * ((i % 13) + 1);
    sumSquares += value * value;
  });
  return { weightedSum, sumSquares };
}
