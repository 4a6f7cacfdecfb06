import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resultFor } from '../../src/core/analysis/analysisResult';
import { analyzeTable } from '../../src/core/analysis/analyzeTable';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  defaultFeatures,
  effectiveKinds,
} from '../../src/core/analysis/analysisOptions';
import { encodeClasses } from '../../src/core/classify/predictModels';
import { stratifiedSplit } from '../../src/core/classify/stratifiedSplit';
import { DEFAULT_CLEANING } from '../../src/core/clean/cleanOptions';
import { cleanRows } from '../../src/core/clean/cleanRows';
import { describeFeatures } from '../../src/core/explain/featureSpace';
import { explainSegments } from '../../src/core/explain/segmentTree';
import { bytesSource } from '../../src/core/read/byteSource';
import { inferColumns } from '../../src/core/read/inferColumns';
import { readCsv } from '../../src/core/read/readCsv';
import { cellText, columnIndex, type Table } from '../../src/core/read/table';

/**
 * The exact inputs of the classification reference checks, as SegmentLens computes them from
 * the shared datasets, written to test/reference/data/classify/classify_inputs_<case>.json for
 * scripts/reference/sklearn_classify.py and exkmc_imm.py to run scikit-learn and ExKMC on.
 * test/reference/classify.test.ts and explain.test.ts derive them again and check that they are
 * unchanged, so the fixtures stay "the very rows". Run:
 *
 *     npx tsx scripts/reference/classifyInputs.ts [../shared]
 *
 * - Explain (mall_customers k = 5, iris k = 3): k-means with the page's defaults; the features in
 *   their own units after cleaning, each row's segment, the explanation's seeded stratified split
 *   and rows per leaf; for IMM the scaled matrix and the k-means centres.
 * - Predict (marketing_campaign Response; iris species): the default numeric features minus the
 *   target, cleaned with the default cleaning, the target on the same rows, the predict split
 *   (test share 0.25, seed 0).
 */

export const FIXTURES = resolve(import.meta.dirname, '../../test/reference/data/classify');

export interface ExplainCase {
  dataset: string;
  k: number;
  features: string[];
  n: number;
  d: number;
  /** n x d row-major, original units after cleaning. */
  matrix: number[];
  labels: number[];
  train: number[];
  test: number[];
  depth: number;
  minRowsPerLeaf: number;
  /** n x d, the clustering's scaled features; k x d centres in the same units. */
  scaled: number[];
  centres: number[];
  center: number[];
  scale: number[];
  log1p: boolean[];
}

export interface PredictCase {
  dataset: string;
  target: string;
  classes: string[];
  features: string[];
  n: number;
  d: number;
  matrix: number[];
  /** Class code per row. */
  y: number[];
  train: number[];
  test: number[];
}

export const EXPLAIN_CASES = [
  { name: 'mall_customers', file: 'mall_customers.csv', k: 5 },
  { name: 'iris', file: 'iris.csv', k: 3 },
] as const;

export const PREDICT_CASES = [
  { name: 'marketing_campaign', file: 'marketing_campaign_tab.csv', target: 'Response' },
  { name: 'iris_species', file: 'iris.csv', target: 'species' },
] as const;

async function readTable(shared: string, file: string): Promise<Table> {
  return readCsv(bytesSource(new Uint8Array(await readFile(join(shared, 'datasets', file)))));
}

/**
 * The clustering as the page runs it today, with the page's default options and k segments: the
 * one place that knows the analysis pipeline (it is being refactored; keep it to this function).
 * prepareFeatures scales its cleaned matrix in place, so the values before scaling come from
 * cleaning again with the same options (cleaning is deterministic; the rows are checked).
 */
export async function clusteredRows(table: Table, k: number) {
  const options = { ...DEFAULT_ANALYSIS_OPTIONS, k };
  const analysis = await analyzeTable(table, options);
  const result = resultFor(analysis, k);
  if (result === null) throw new Error(`no result for k = ${k}`);
  const kinds = effectiveKinds(analysis.columns, options.kinds);
  const requested = options.features ?? defaultFeatures(analysis.columns, kinds);
  const cleaned = cleanRows(table, {
    ...options.clean,
    features: requested,
    oneHot: options.oneHot,
  });
  if (cleaned.rows.join() !== analysis.rows.join())
    throw new Error('cleaning again gave other rows');
  const n = cleaned.rows.length;
  const all = cleaned.features.length;
  const kept = analysis.features.map((f) => cleaned.features.findIndex((c) => c.name === f.name));
  const d = kept.length;
  const original = new Float64Array(n * d);
  const scaled = new Float64Array(n * d);
  const { center, scale } = analysis.scaling;
  for (let i = 0; i < n; i++)
    kept.forEach((j, f) => {
      const value = cleaned.matrix[i * all + j];
      original[i * d + f] = analysis.features[f].transform === 'log1p' ? Math.expm1(value) : value;
      scaled[i * d + f] = (value - center[f]) / scale[f];
    });
  return {
    features: analysis.features,
    n,
    d,
    original,
    scaled,
    labels: result.labels,
    centres: result.centroids,
    center,
    scale,
  };
}

export async function deriveExplainCase(
  shared: string,
  name: string,
  file: string,
  k: number,
): Promise<ExplainCase> {
  const clustered = await clusteredRows(await readTable(shared, file), k);
  const { n, d } = clustered;
  const explanation = explainSegments({
    matrix: clustered.original,
    n,
    d,
    features: describeFeatures(clustered.features),
    segments: clustered.labels,
    segmentCount: k,
  });
  const rowsIn = (part: number) =>
    [...explanation.part.keys()].filter((i) => explanation.part[i] === part);
  return {
    dataset: name,
    k,
    features: clustered.features.map((f) => f.name),
    n,
    d,
    matrix: Array.from(clustered.original),
    labels: Array.from(clustered.labels),
    train: rowsIn(0),
    test: rowsIn(1),
    depth: explanation.depth,
    minRowsPerLeaf: explanation.minRowsPerLeaf,
    scaled: Array.from(clustered.scaled),
    centres: Array.from(clustered.centres),
    center: Array.from(clustered.center),
    scale: Array.from(clustered.scale),
    log1p: clustered.features.map((f) => f.transform === 'log1p'),
  };
}

export async function derivePredictCase(
  shared: string,
  name: string,
  file: string,
  target: string,
): Promise<PredictCase> {
  const table = await readTable(shared, file);
  const columns = inferColumns(table);
  const kinds = effectiveKinds(columns, []);
  const features = defaultFeatures(columns, kinds).filter((column) => column !== target);
  const cleaned = cleanRows(table, { ...DEFAULT_CLEANING, features, oneHot: [] });
  const column = table.columns[columnIndex(table, target)];
  const { codes, classes } = encodeClasses(
    Array.from(cleaned.rows, (row) => cellText(column, row)),
  );
  const split = stratifiedSplit(codes, classes.length, 0.25, 0);
  const n = cleaned.rows.length;
  return {
    dataset: name,
    target,
    classes,
    features: cleaned.features.map((f) => f.name),
    n,
    d: cleaned.features.length,
    matrix: Array.from(cleaned.matrix),
    y: Array.from(codes),
    train: Array.from(split.train),
    test: Array.from(split.test),
  };
}

async function main(): Promise<void> {
  const shared = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared'));
  const write = async (name: string, value: unknown) => {
    await writeFile(join(FIXTURES, `classify_inputs_${name}.json`), JSON.stringify(value));
    console.log(`wrote test/reference/data/classify/classify_inputs_${name}.json`);
  };
  for (const { name, file, k } of EXPLAIN_CASES)
    await write(name, await deriveExplainCase(shared, name, file, k));
  for (const { name, file, target } of PREDICT_CASES)
    await write(name, await derivePredictCase(shared, name, file, target));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
