import { DuckDBInstance } from '@duckdb/node-api';
import { generateCustomersCsv } from '../scripts/generators/customers';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { applyModel } from '../src/core/model/applyModel';
import type { ModelFile } from '../src/core/model/modelFile';
import { saveModel } from '../src/core/model/saveModel';
import { textSource } from '../src/core/read/byteSource';
import { AnalysisSession, type SegmentationRequest } from '../src/core/session/session';
import { modelSql } from '../src/core/sql/modelSql';
import { identifier, stringLiteral } from '../src/core/sql/sqlText';

/**
 * Scoring with a saved model: the DuckDB query over generated rows in node (rows per second), and
 * applyModel on a generated file of customers (the page's path, without the worker). Medians of
 * --runs (default 3). There is no Python counterpart (no Python library turns a k-means model
 * into SQL), so nothing here calls Python.
 *
 *   npx tsx bench/sql.ts [--rows 10000000] [--apply-rows 1000000] [--runs 3] [--quick]
 *
 * --quick (for CI) scores 100,000 rows and applies to 20,000, once.
 */
interface Args {
  rows: number;
  applyRows: number;
  runs: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 10_000_000, applyRows: 1_000_000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') args.rows = Number(argv[++i]);
    else if (argv[i] === '--apply-rows') args.applyRows = Number(argv[++i]);
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--quick')
      Object.assign(args, { rows: 100_000, applyRows: 20_000, runs: 1 });
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const peakMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** A k-means model (5 segments, two one-hot columns) fitted on 20,000 generated customers. */
async function fittedModel(): Promise<ModelFile> {
  const session = await AnalysisSession.open(
    textSource(generateCustomersCsv({ rows: 20_000, seed: 11 })),
    'customers.csv',
    {},
  );
  const request: SegmentationRequest = {
    options: {
      ...DEFAULT_ANALYSIS_OPTIONS,
      oneHot: ['region', 'channel'],
      k: 5,
      kMax: 5,
      nInit: 3,
    },
    rfm: null,
  };
  return saveModel(session, request, 5, []);
}

/**
 * The model's input columns for `rows` rows, made inside DuckDB from range() with fixed
 * arithmetic (the same table every run): each numeric column spread over its saved mean +- 2 SD
 * (a few values missing), each one-hot column cycling through its categories and one new one.
 */
function generatedTable(model: ModelFile, rows: number): string {
  const { numeric, oneHot, kept, scale } = model.preparation;
  const columns = ['i AS id'];
  numeric.forEach((step, f) => {
    const k = kept.indexOf(f);
    const mean = k >= 0 ? scale.mean[k] : 0;
    const sd = k >= 0 ? scale.std[k] : 1;
    const u = `((i * ${2_654_435_761 + 2 * f} + ${f * 97}) % 1000003) / 1000003.0`;
    const value = `${mean} + ${sd} * (4 * ${u} - 2)`;
    // log1p columns must stay non-negative, as in the file the model was saved from.
    const kept_ = step.log1p ? `GREATEST(${value}, 0)` : value;
    columns.push(
      `CASE WHEN i % 997 = ${f} THEN NULL ELSE CAST(${kept_} AS DOUBLE) END AS ${identifier(step.column)}`,
    );
  });
  oneHot.forEach((step, c) => {
    const values = [...step.categories, 'never seen'].map(stringLiteral).join(', ');
    const count = step.categories.length + 1;
    columns.push(
      `[${values}][1 + CAST((i * ${7 + 2 * c}) % ${count} AS INTEGER)] AS ${identifier(step.column)}`,
    );
  });
  return `CREATE OR REPLACE TABLE customers AS SELECT ${columns.join(', ')} FROM range(${rows}) AS r(i)`;
}

async function benchDuckDb(model: ModelFile, args: Args): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(generatedTable(model, args.rows));
  const query = modelSql(model, { dialect: 'duckdb', table: 'customers', id: 'id' });
  const times: number[] = [];
  let summary = '';
  for (let run = 0; run < args.runs; run++) {
    const start = performance.now();
    await connection.run(`CREATE OR REPLACE TABLE scored AS ${query.replace(/;\s*$/, '')}`);
    times.push(performance.now() - start);
    const reader = await connection.runAndReadAll(
      'SELECT count(*), count(segment), min(segment), max(segment) FROM scored',
    );
    summary = reader.getRows()[0].map(String).join(' / ');
  }
  connection.closeSync();
  const ms = median(times);
  console.log('\n### DuckDB: the model query over generated rows\n');
  console.log(
    '| rows | median time (s) | rows per second | runs | rows / scored / min / max segment |',
  );
  console.log('| ---: | ---: | ---: | ---: | --- |');
  console.log(
    `| ${args.rows.toLocaleString('en')} | ${(ms / 1000).toFixed(2)} | ${Math.round(args.rows / (ms / 1000)).toLocaleString('en')} | ${args.runs} | ${summary} |`,
  );
}

async function benchApply(model: ModelFile, args: Args): Promise<void> {
  const text = generateCustomersCsv({ rows: args.applyRows, seed: 12 });
  const times: number[] = [];
  let openMs = 0;
  let scored = 0;
  let progressCalls = 0;
  for (let run = 0; run < args.runs; run++) {
    const opened = performance.now();
    const session = await AnalysisSession.open(textSource(text), 'new.csv', {});
    openMs = performance.now() - opened;
    const start = performance.now();
    progressCalls = 0;
    const result = applyModel(session, model, () => progressCalls++);
    times.push(performance.now() - start);
    scored = result.scored.length;
  }
  console.log('\n### applyModel in node on a generated file\n');
  console.log(
    '| rows | read the file (s) | apply, median (s) | rows scored | progress calls | peak RSS (MB) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${args.applyRows.toLocaleString('en')} | ${(openMs / 1000).toFixed(2)} | ${(median(times) / 1000).toFixed(2)} | ${scored.toLocaleString('en')} | ${progressCalls} | ${peakMb()} |`,
  );
}

const args = parseArgs(process.argv.slice(2));
const model = await fittedModel();
await benchDuckDb(model, args);
await benchApply(model, args);
