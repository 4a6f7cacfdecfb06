import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { inferColumns } from '../src/core/read/inferColumns';
import type { Stage } from '../src/core/common/progress';
import { readCsv } from '../src/core/read/readCsv';
import { computeRfm } from '../src/core/rfm/rfm';
import { analyzeTable } from '../src/core/analysis/analyzeTable';
import { rfmAnalysisOptions, rfmTable } from '../src/core/rfm/rfmClustering';
import { suggestTransactionMapping } from '../src/core/rfm/transactionMapping';
import { fileSource } from '../src/cli/fileSource';
import { useKMeansKernel } from '../src/core/cluster/kmeans/kernel/kmeansKernel';
import { useSilhouetteKernel } from '../src/core/cluster/quality/kernel/silhouetteKernel';

/**
 * The RFM path on one file of order lines, as the page runs it with its defaults: read, column
 * kinds, the suggested mapping, RFM, then k-means on RFM for k = 1..10. Prints one JSON line.
 * `--js-loops` runs k-means' and the silhouette's loops in JavaScript instead of their WebAssembly
 * kernels (to compare).
 */
const [path, nInitArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (process.argv.includes('--js-loops')) {
  useKMeansKernel(false);
  useSilhouetteKernel(false);
}
const times: Partial<Record<Stage | 'total' | 'tables', number>> = {};
let stage: Stage | null = null;
let since = performance.now();
const mark = (next: Stage | null) => {
  if (next === stage) return;
  const now = performance.now();
  if (stage) times[stage] = (times[stage] ?? 0) + now - since;
  stage = next;
  since = now;
};
const start = performance.now();
const { source, close } = await fileSource(path);
const table = await readCsv(source, { onProgress: () => mark('parse') });
await close();
mark('infer');
const columns = inferColumns(table);
const suggestion = suggestTransactionMapping(columns, table.rowCount);
if (!suggestion.looksLikeTransactions) throw new Error(`${path}: ${suggestion.reason}`);
mark('rfm');
const rfm = computeRfm(table, { mapping: suggestion.mapping, dateOrder: null, snapshot: null });
mark(null);
times.tables = performance.now() - start;
const nInit = Number(nInitArg ?? (rfm.customers.length > 5000 ? 3 : 10));
const analysis = await analyzeTable(
  rfmTable(rfm),
  rfmAnalysisOptions({ ...DEFAULT_ANALYSIS_OPTIONS, nInit, silhouetteSample: 2000 }),
  (next) => mark(next === 'rfm' ? 'rfm' : 'cluster'),
);
mark(null);
times.total = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    rows: rfm.rows.read,
    used: rfm.rows.used,
    customers: rfm.customers.length,
    k: analysis.k,
    times_ms: Object.fromEntries(
      Object.entries(times).map(([key, value]) => [key, Math.round(value as number)]),
    ),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
