import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesSource } from '../src/core/read/byteSource';
import { readCsv, warmUpReading } from '../src/core/read/readCsv';
import { machine, median, PYTHON, ROOT, run, table } from './common';
import { SHAPES, shapeFile } from './shapes';
import { parseShapeIds } from './shapesBench';

/**
 * npm run bench:read-shapes -- --rows 1000000 --runs 3 [--shapes plain,quoted]: the reader
 * alone on every file shape, against pandas.read_csv with the arguments the shape needs. Both
 * read the file from memory or the page cache, several times in one process after a warm-up
 * (ours: warmUpReading, as the page's worker does; pandas: its first run), so that neither
 * pays for starting up; the table shows the medians and how many cells were read as numbers. The
 * CLI's `bench --shapes` times the same reading inside a whole run, process start included.
 */
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const rows = Number(option('--rows', '1000000'));
const runs = Number(option('--runs', '3'));
const ids = parseShapeIds(option('--shapes', 'all'));
const sklearn = !argv.includes('--no-pandas');

console.log(
  `SegmentLens reader by file shape, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${rows.toLocaleString('en-US')} rows, median of ${runs} reads in one process after a warm-up\n`,
);
await warmUpReading();
const out: string[][] = [];
for (const shape of SHAPES.filter((s) => ids.includes(s.id))) {
  const { path, bytes } = await shapeFile(shape.id, rows);
  const file = new Uint8Array(await readFile(path));
  const times: number[] = [];
  let numbers = 0;
  let cells = 0;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const table = await readCsv(bytesSource(file));
    times.push(performance.now() - started);
    numbers = table.columns.reduce((sum, column) => sum + column.numberCount, 0);
    cells = table.rowCount * table.columns.length;
  }
  const ours = median(times);
  let theirs = NaN;
  if (sklearn) {
    const result = JSON.parse(
      await run(PYTHON, [
        join(ROOT, 'bench', 'pandas_read.py'),
        path,
        String(runs + 1),
        JSON.stringify(shape.pandasRead),
        shape.pandasStrip.join(','),
      ]),
    ) as { times_ms: number[] };
    // The first read pays for pandas' start; the rest are its working speed.
    theirs = median(result.times_ms.slice(1));
  }
  out.push([
    `${shape.title} (${(bytes / 1e6).toFixed(1)} MB)`,
    (ours / 1000).toFixed(3),
    Number.isNaN(theirs) ? '–' : (theirs / 1000).toFixed(3),
    Number.isNaN(theirs) ? '–' : `${(ours / theirs).toFixed(2)}x`,
    `${((bytes / 1e6 / ours) * 1000).toFixed(0)} MB/s`,
    shape.numeric
      ? `${numbers.toLocaleString('en-US')} of ${cells.toLocaleString('en-US')}`
      : 'text-heavy',
  ]);
  console.error(`done: ${shape.id}`);
}
console.log(
  table(
    [
      'shape',
      'SegmentLens read (s)',
      'pandas read_csv (s)',
      'ratio',
      'SegmentLens speed',
      'numbers read',
    ],
    out,
  ),
);
