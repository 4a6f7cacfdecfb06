import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchFile } from './benchData';

export const ROOT = join(import.meta.dirname, '..');
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

export interface PipelineRun {
  rows: number;
  times_ms: Record<string, number>;
  inertia: Record<string, number>;
  peak_rss_mb?: number;
  silhouette?: Record<string, number>;
}

export interface BenchArgs {
  sizes: number[];
  files: string[];
  nInit: number;
  sklearn: boolean;
  naiveMax: number;
  /** Runs per file; tables show the median (the machine is shared and noisy). */
  runs: number;
  /** Order-line files for the RFM path (default: the UCI Online Retail year, when ../shared has it). */
  rfm: string[];
  /** --shapes [ids]: the file shapes of bench/shapes.ts instead of the sizes (null: not asked). */
  shapes: string | null;
  /** Whether --runs was given (the shapes default to 3 runs). */
  runsGiven: boolean;
  /** Whether --rows was given (the shapes default to 100,000 rows). */
  rowsGiven: boolean;
}

/** The 48 MB order-line file the RFM issue measures, beside the repository. */
export const SHARED_RETAIL = join(ROOT, '..', 'shared', 'datasets', 'online_retail_full.csv');

/**
 * --rows 10000,100000 --file path --n-init 3 --no-sklearn --naive-max 100000 --runs 3
 * --rfm orders.csv (repeatable) | --no-rfm
 * --shapes [plain,quoted,...] (every shape when no list follows)
 */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    sizes: [10_000, 100_000, 1_000_000],
    files: [],
    nInit: 3,
    sklearn: true,
    naiveMax: 100_000,
    runs: 1,
    rfm: existsSync(SHARED_RETAIL) ? [SHARED_RETAIL] : [],
    shapes: null,
    runsGiven: false,
    rowsGiven: false,
  };
  let rfmGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rows') {
      args.sizes = argv[++i].split(',').map(Number);
      args.rowsGiven = true;
    } else if (arg === '--shapes')
      args.shapes = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : '';
    else if (arg === '--file') {
      args.files.push(argv[++i]);
      args.sizes = [];
    } else if (arg === '--n-init') args.nInit = Number(argv[++i]);
    else if (arg === '--no-sklearn') args.sklearn = false;
    else if (arg === '--naive-max') args.naiveMax = Number(argv[++i]);
    else if (arg === '--runs') {
      args.runs = Number(argv[++i]);
      args.runsGiven = true;
    } else if (arg === '--rfm') {
      args.rfm = rfmGiven ? [...args.rfm, argv[++i]] : [argv[++i]];
      rfmGiven = true;
    } else if (arg === '--no-rfm') args.rfm = [];
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/** The files to run on: generated (seeded) sizes and any given paths, with their data rows. */
export async function benchInputs(
  args: BenchArgs,
): Promise<{ label: string; path: string; bytes: number; rows: number }[]> {
  const generated = await Promise.all(
    args.sizes.map(async (rows) => ({
      label: `${rows.toLocaleString('en-US')} x 8`,
      rows,
      ...(await benchFile(rows)),
    })),
  );
  const given = await Promise.all(
    args.files.map(async (path) => {
      const { readFileSync, statSync } = await import('node:fs');
      const bytes = readFileSync(path);
      let lines = 0;
      for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
      return {
        label: path.split('/').pop() as string,
        path,
        bytes: statSync(path).size,
        rows: Math.max(0, lines - 1),
      };
    }),
  );
  return [...generated, ...given];
}

export function run(command: string, args: string[], timeoutMs = 30 * 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs, cwd: ROOT },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

export async function hasSklearn(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  try {
    await run(PYTHON, ['-c', 'import sklearn, pandas']);
    return true;
  } catch {
    return false;
  }
}

/** RFM with pandas and scikit-learn (bench/pandas_rfm.py), or null when they are not installed. */
export async function runPandasRfm(path: string): Promise<PipelineRun | null> {
  if (!(await hasSklearn())) return null;
  return JSON.parse(await run(PYTHON, [join(ROOT, 'bench', 'pandas_rfm.py'), path])) as PipelineRun;
}

/** scikit-learn's pipeline (bench/sklearn_pipeline.py) on the file, or null when it is not installed. */
export async function runSklearn(path: string, nInit: number): Promise<PipelineRun | null> {
  if (!(await hasSklearn())) return null;
  return JSON.parse(
    await run(PYTHON, [
      join(ROOT, 'bench', 'sklearn_pipeline.py'),
      path,
      '--n-init',
      String(nInit),
    ]),
  ) as PipelineRun;
}

export function machine(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GB, node ${process.version}`;
}

export function seconds(ms: number | undefined): string {
  return ms === undefined ? '–' : (ms / 1000).toFixed(2);
}

/** Worst ratio of our inertia to theirs over k (at most 1.005 is the bar). */
export function worstInertiaRatio(
  ours: Record<string, number>,
  theirs: Record<string, number>,
): number {
  return Math.max(...Object.keys(theirs).map((k) => ours[k] / theirs[k]));
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
