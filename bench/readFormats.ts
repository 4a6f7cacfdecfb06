import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSource } from '../src/cli/fileSource';
import { bytesSource } from '../src/core/read/byteSource';
import { readCsv } from '../src/core/read/readCsv';
import { readTable } from '../src/core/read/readTable';
import { tableAsParquet, tableAsWorkbook } from '../scripts/generators/workbooks';
import { machine, median, PYTHON, ROOT, run, seconds, SHARED_RETAIL, table } from './common';

/**
 * Read time of one table as CSV, .xlsx and Parquet: SegmentLens's readTable against pandas
 * (read_csv; read_excel with openpyxl; read_parquet with pyarrow or fastparquet, when installed),
 * each read in its own process for a fair peak memory, median of --runs (default 3).
 *   npx tsx bench/readFormats.ts [--file orders.csv] [--dates InvoiceDate] [--runs 3] [--no-python]
 * Without --file: the shared Online Retail year (../shared/datasets/online_retail_full.csv). The
 * .xlsx (dates as real date cells) and Parquet (dates as timestamps, snappy) versions are made
 * by the project's own writers into a temporary folder, as the reference check makes them.
 * Internally: `--child FORMAT PATH` reads one file and prints one JSON line.
 */

interface ReadRun {
  rows: number;
  ms: number;
  peak_rss_mb: number;
  error?: string;
}

const PANDAS = `
import json, resource, sys, time
path, kind = sys.argv[1], sys.argv[2]
try:
    import pandas as pd
    start = time.perf_counter()
    if kind == 'csv':
        frame = pd.read_csv(path)
    elif kind == 'xlsx':
        frame = pd.read_excel(path, engine='openpyxl')
    else:
        frame = pd.read_parquet(path)
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({'rows': len(frame), 'ms': ms,
                      'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
except ImportError as error:
    print(json.dumps({'rows': 0, 'ms': 0, 'peak_rss_mb': 0,
                      'error': 'pyarrow or fastparquet' if kind == 'parquet' else str(error).splitlines()[0]}))
`;

async function child(path: string): Promise<void> {
  // The readers load once, as the page loads a chunk once (pandas, too, is imported before its
  // clock starts): the time is the read, not tsx compiling the modules.
  await Promise.all([import('../src/core/read/readXlsx'), import('../src/core/read/readParquet')]);
  const start = performance.now();
  const { source, close } = await fileSource(path);
  const read = await readTable(source, path);
  await close();
  const ms = performance.now() - start;
  const run: ReadRun = {
    rows: read.table.rowCount,
    ms: Math.round(ms),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(JSON.stringify(run) + '\n');
}

function parseArgs(argv: string[]) {
  const args = { file: SHARED_RETAIL, dates: ['InvoiceDate'], runs: 3, python: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--file') args.file = argv[++i];
    else if (arg === '--dates') args.dates = argv[++i].split(',').filter(Boolean);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-python') args.python = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[2]);
  const args = parseArgs(argv);
  if (!existsSync(args.file)) throw new Error(`${args.file} does not exist (give --file)`);
  const folder = await mkdtemp(join(tmpdir(), 'segmentlens-read-bench-'));
  try {
    const { readFile } = await import('node:fs/promises');
    const csv = await readCsv(bytesSource(new Uint8Array(await readFile(args.file))));
    const dates = new Set(args.dates);
    const files: [string, string][] = [['csv', args.file]];
    const xlsx = join(folder, 'table.xlsx');
    await writeFile(xlsx, tableAsWorkbook(csv, dates));
    files.push(['xlsx', xlsx]);
    const parquet = join(folder, 'table.parquet');
    await writeFile(parquet, tableAsParquet(csv, dates));
    files.push(['parquet', parquet]);
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const self = join(ROOT, 'bench', 'readFormats.ts');
    console.log(
      `SegmentLens read benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${csv.rowCount.toLocaleString('en-US')} rows x ${csv.columns.length} columns, median of ${args.runs} run(s)\n`,
    );
    const rows: string[][] = [];
    for (const [format, path] of files) {
      const size = (await stat(path)).size;
      const ours: ReadRun[] = [];
      const theirs: ReadRun[] = [];
      for (let r = 0; r < args.runs; r++) {
        ours.push(JSON.parse(await run(tsx, [self, '--child', format, path])) as ReadRun);
        if (args.python)
          theirs.push(JSON.parse(await run(PYTHON, ['-c', PANDAS, path, format])) as ReadRun);
      }
      const ourMs = median(ours.map((o) => o.ms));
      const missing = theirs.find((t) => t.error)?.error;
      const theirMs = theirs.length === 0 || missing ? NaN : median(theirs.map((t) => t.ms));
      if (ours[0].rows !== csv.rowCount) throw new Error(`${format}: read ${ours[0].rows} rows`);
      if (theirs.length > 0 && !missing && theirs[0].rows !== csv.rowCount)
        throw new Error(`pandas ${format}: read ${theirs[0].rows} rows`);
      rows.push([
        format,
        `${(size / 2 ** 20).toFixed(1)} MB`,
        seconds(ourMs),
        `${median(ours.map((o) => o.peak_rss_mb))} MB`,
        !args.python ? '–' : missing ? `not installed (${missing})` : seconds(theirMs),
        Number.isNaN(theirMs) ? '–' : `${Math.round(median(theirs.map((t) => t.peak_rss_mb)))} MB`,
        Number.isNaN(theirMs) ? '–' : `${(ourMs / theirMs).toFixed(2)}`,
      ]);
    }
    console.log(
      table(
        [
          'format',
          'file',
          'SegmentLens s',
          'SegmentLens peak',
          'pandas s',
          'pandas peak',
          'ours / pandas',
        ],
        rows,
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
