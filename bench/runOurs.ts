import { analyzeTable } from '../src/core/analysis/analyzeTable';
import type { AnalysisResult } from '../src/core/analysis/analysisResult';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/core/analysis/analysisOptions';
import { readCsv, warmUpReading } from '../src/core/read/readCsv';
import type { Stage } from '../src/core/common/progress';
import { fileSource } from '../src/cli/fileSource';

/**
 * SegmentLens's own pipeline on one file, in this process, timed by stage (from its progress
 * reports). Prints one JSON line. Run by bench/node.ts in a child process of its own, so that
 * its peak memory is its own.
 */
const [path, nInitArg] = process.argv.slice(2);
const nInit = Number(nInitArg ?? 3);
const times: Partial<Record<Stage | 'total', number>> = {};
let stage: Stage | null = null;
let since = performance.now();
const mark = (next: Stage) => {
  if (next === stage) return;
  const now = performance.now();
  if (stage) times[stage] = (times[stage] ?? 0) + now - since;
  stage = next;
  since = now;
};
// Warm, as the page's worker is when a file arrives (the baseline warms up too).
await warmUpReading();
const start = performance.now();
const { source, close } = await fileSource(path);
const table = await readCsv(source, { onProgress: () => mark('parse') });
await close();
const analysis: AnalysisResult = await analyzeTable(
  table,
  { ...DEFAULT_ANALYSIS_OPTIONS, nInit, kMax: 10, silhouetteSample: 5000 },
  (next) => mark(next),
);
const now = performance.now();
const last = stage as Stage | null;
if (last) times[last] = (times[last] ?? 0) + now - since;
times.total = now - start;
process.stdout.write(
  JSON.stringify({
    rows: analysis.rows.length,
    times_ms: Object.fromEntries(
      Object.entries(times).map(([key, value]) => [key, Math.round(value as number)]),
    ),
    inertia: Object.fromEntries(analysis.elbow.map((point) => [point.k, point.inertia])),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
