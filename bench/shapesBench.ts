import { join } from 'node:path';
import {
  median,
  PYTHON,
  ROOT,
  run,
  seconds,
  table,
  worstInertiaRatio,
  type PipelineRun,
} from './common';
import { SHAPES, shapeFile, type BenchShape, type ShapeId } from './shapes';

/** One run of a pipeline: its stage times, inertia, peak memory and (ours) longest task. */
type ShapeRun = PipelineRun & { longest_task_ms?: number };

/** Our stage groups and pandas + scikit-learn's, side by side (ours from analyze --json's timings). */
const STAGES: { label: string; ours: string[]; theirs: string[] }[] = [
  { label: 'read', ours: ['read'], theirs: ['parse'] },
  { label: 'kinds + clean', ours: ['kinds', 'clean'], theirs: ['clean'] },
  { label: 'scale + PCA', ours: ['scale', 'pca'], theirs: ['scale', 'pca'] },
  {
    label: 'elbow k = 1..10 + silhouette',
    ours: ['cluster', 'silhouette', 'profiles'],
    theirs: ['elbow', 'silhouette'],
  },
  { label: 'total', ours: ['total'], theirs: ['total'] },
];

export function parseShapeIds(list: string | undefined): ShapeId[] {
  if (list === undefined || list === '' || list === 'all') return SHAPES.map((shape) => shape.id);
  const ids = list.split(',');
  const unknown = ids.filter((id) => !SHAPES.some((shape) => shape.id === id));
  if (unknown.length > 0)
    throw new Error(
      `unknown shape ${unknown.join(', ')}; the shapes are ${SHAPES.map((s) => s.id).join(', ')}`,
    );
  return ids as ShapeId[];
}

const sumOf = (times: Record<string, number>, keys: string[]) =>
  keys.every((key) => times[key] === undefined)
    ? NaN
    : keys.reduce((sum, key) => sum + (times[key] ?? 0), 0);

/** Median over runs of each stage group (each group summed within its run first). */
function medianOf(runs: ShapeRun[], keys: string[]): number {
  return median(runs.map((r) => sumOf(r.times_ms, keys)));
}

function ratio(ours: number, theirs: number): string {
  return Number.isFinite(ours) && Number.isFinite(theirs) && theirs > 0
    ? `${(ours / theirs).toFixed(2)}x`
    : '–';
}

async function oursOn(path: string, nInit: number, readOnly: boolean): Promise<ShapeRun> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  return JSON.parse(
    await run(tsx, [
      join(ROOT, 'bench', 'runSession.ts'),
      path,
      String(nInit),
      ...(readOnly ? ['--read-only'] : []),
    ]),
  ) as ShapeRun;
}

/** pandas + scikit-learn on a shape's file, read with the arguments the shape needs. */
export async function theirsOn(
  path: string,
  shape: BenchShape,
  nInit: number,
  readOnly: boolean,
): Promise<ShapeRun> {
  return JSON.parse(
    await run(PYTHON, [
      join(ROOT, 'bench', 'sklearn_pipeline.py'),
      path,
      '--n-init',
      String(nInit),
      '--read',
      JSON.stringify(shape.pandasRead),
      '--strip',
      shape.pandasStrip.join(','),
      ...(readOnly ? ['--read-only'] : []),
    ]),
  ) as ShapeRun;
}

/**
 * npm run bench -- --shapes [ids] --rows 100000 --runs 3: for each shape, our session pipeline
 * (the CLI's analyze, each run in its own process) and pandas + scikit-learn, taking turns run
 * after run so that a busy moment of the shared machine hits both; one table per shape with the
 * medians per stage and their ratio (printed as each shape is done), then returns a summary of
 * every shape.
 */
export async function benchShapes(
  ids: ShapeId[],
  rowCounts: number[],
  runs: number,
  nInit: number,
  sklearn: boolean,
): Promise<string> {
  const summary: string[][] = [];
  for (const rows of rowCounts) {
    for (const shape of SHAPES.filter((s) => ids.includes(s.id))) {
      const { path, bytes } = await shapeFile(shape.id, rows);
      const readOnly = !shape.numeric;
      const ours: ShapeRun[] = [];
      const theirs: ShapeRun[] = [];
      for (let r = 0; r < runs; r++) {
        ours.push(await oursOn(path, nInit, readOnly));
        if (sklearn) theirs.push(await theirsOn(path, shape, nInit, readOnly));
      }
      const stages = readOnly ? STAGES.filter((s) => s.label === 'read') : STAGES;
      const rowsOf = stages.map((stage) => {
        const mine = medianOf(ours, stage.ours);
        const pandas = sklearn ? medianOf(theirs, stage.theirs) : NaN;
        return [stage.label, seconds(mine), sklearn ? seconds(pandas) : '–', ratio(mine, pandas)];
      });
      const longest = median(ours.map((r) => r.longest_task_ms ?? NaN));
      const memory = median(ours.map((r) => r.peak_rss_mb ?? NaN));
      const theirMemory = sklearn ? median(theirs.map((r) => r.peak_rss_mb ?? NaN)) : NaN;
      rowsOf.push(['longest task (ms)', String(longest), '–', '']);
      rowsOf.push([
        'peak memory (MB)',
        String(memory),
        sklearn ? String(theirMemory) : '–',
        ratio(memory, theirMemory),
      ]);
      const label = `${shape.title}, ${rows.toLocaleString('en-US')} rows (${(bytes / 1e6).toFixed(1)} MB)`;
      const shapeTable =
        `### ${label}\npandas: \`${shape.pandasCall}\`${readOnly ? '; read only (text-heavy order lines: the whole pipeline is for numeric files)' : ''}\n\n` +
        table(['stage (s, median)', 'SegmentLens', 'pandas + scikit-learn', 'ratio'], rowsOf);
      // Printed as soon as the shape is done: a long run on a busy machine shows what it has.
      console.log(shapeTable + '\n');
      const readMine = medianOf(ours, ['read']);
      const readTheirs = sklearn ? medianOf(theirs, ['parse']) : NaN;
      const totalMine = readOnly ? NaN : medianOf(ours, ['total']);
      const totalTheirs = sklearn && !readOnly ? medianOf(theirs, ['total']) : NaN;
      summary.push([
        label,
        seconds(readMine),
        sklearn ? seconds(readTheirs) : '–',
        ratio(readMine, readTheirs),
        readOnly ? '–' : seconds(totalMine),
        readOnly || !sklearn ? '–' : seconds(totalTheirs),
        ratio(totalMine, totalTheirs),
        String(longest),
        `${memory} / ${sklearn ? theirMemory : '–'}`,
        sklearn && !readOnly
          ? Math.max(
              ...ours.map((r, i) => worstInertiaRatio(r.inertia, theirs[i].inertia)),
            ).toFixed(4)
          : '–',
      ]);
      console.error(`done: ${label}`);
    }
  }
  return (
    '### Every shape\n\n' +
    table(
      [
        'shape',
        'read (s)',
        'pandas read (s)',
        'read ratio',
        'pipeline (s)',
        'pandas + scikit-learn (s)',
        'pipeline ratio',
        'longest task (ms)',
        'peak MB (ours / theirs)',
        'worst inertia / sklearn',
      ],
      summary,
    )
  );
}
