import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { bytesSource } from '../src/core/read/byteSource';
import { AnalysisSession } from '../src/core/session/session';

/**
 * How long "Compare algorithms" takes after the analysis on show, on the sample customers with
 * the page's defaults for a file of that size (3 restarts per k above 5,000 rows, 10 below;
 * silhouette on 2,000 rows). The comparison reuses the session's features, k-means, tree and
 * silhouette sample. Run: npx tsx bench/compare.ts [--runs 5] [--file public/customers.csv]
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const runs = Number(option('--runs', '5'));
const path = option('--file', join(import.meta.dirname, '..', 'public', 'customers.csv'));
const bytes = new Uint8Array(await readFile(path));
const analyses: number[] = [];
const comparisons: number[] = [];
for (let run = 0; run < runs; run++) {
  const session = await AnalysisSession.open(bytesSource(bytes), path, {});
  const rows = session.table.rowCount;
  const request = {
    options: {
      ...DEFAULT_ANALYSIS_OPTIONS,
      nInit: rows > 5_000 ? 3 : DEFAULT_ANALYSIS_OPTIONS.nInit,
      silhouetteSample: rows >= 100_000 ? DEFAULT_ANALYSIS_OPTIONS.silhouetteSample : 2_000,
    },
    rfm: null,
  };
  let start = performance.now();
  const analysis = await session.segmentation(request);
  analyses.push(performance.now() - start);
  start = performance.now();
  session.compare(request, Math.max(2, analysis.k));
  comparisons.push(performance.now() - start);
}
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[values.length >> 1];
console.log(
  JSON.stringify({
    file: path,
    runs,
    analysis_ms: Math.round(median(analyses)),
    compare_ms: Math.round(median(comparisons)),
    compare_runs_ms: comparisons.map(Math.round),
  }),
);
