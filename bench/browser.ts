import { statSync } from 'node:fs';
import { browserRss } from './browserMemory';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveBuild } from '../test/e2e/browser';
import { SHAPES, shapeFile } from './shapes';
import { parseShapeIds, theirsOn } from './shapesBench';
import { join } from 'node:path';
import {
  benchInputs,
  hasSklearn,
  machine,
  median,
  parseBenchArgs,
  ROOT,
  run,
  runSklearn,
  seconds,
  table,
  type PipelineRun,
} from './common';

/**
 * npm run bench:browser: the real page (production build, headless Chromium) on seeded files,
 * from choosing the file to the elbow curve and scatter on screen, with what happens meanwhile:
 * stage times, the longest main-thread task (Long Tasks API), how fast Cancel answers, how fast
 * a new k redraws, and how much the browser's processes grow (peak resident memory of all of
 * them, read from /proc). scikit-learn's pipeline, and the naive pipeline on ml-kmeans and
 * ml-pca (in node, up to --naive-max rows), run on the same file in the same invocation.
 *   npm run bench:browser -- --rows 10000,1000000 --no-sklearn --file x.csv
 * --long-tasks lists every long task with its stage; --memory-trace adds the growth every half
 * second; --cpu-slowdown 2 runs the page's main thread twice as slow, as a busier machine would.
 */

const INSTRUMENT = () => {
  const w = window as unknown as Record<string, unknown> & {
    __bench: { longTasks: [number, number][]; stages: [number, string][]; chosen: number };
  };
  w.__bench = { longTasks: [], stages: [], chosen: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let last = '';
  new MutationObserver(() => {
    const text = document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') ?? '';
    const stage = text.split(':')[0];
    if (stage !== last) {
      last = stage;
      w.__bench.stages.push([performance.now(), stage || 'done']);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-valuetext'],
  });
  document.addEventListener(
    'change',
    (event) => {
      if ((event.target as HTMLInputElement).type === 'file') w.__bench.chosen = performance.now();
    },
    true,
  );
};

/** Resolves, in the page, at the first frame that shows the elbow's recommendation and the scatter's points. */
const RESULTS_ON_SCREEN = () =>
  new Promise<number>((resolve) => {
    const check = () => {
      const elbow = [...document.querySelectorAll('figure')].find(
        (f) => f.querySelector('h3')?.textContent === 'Elbow curve',
      );
      const scatter = document.querySelector('.segment-points path[d^="M"]');
      if (elbow?.textContent?.includes('Recommended') && scatter) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });

/**
 * --cpu-slowdown N: Chromium's CPU throttling makes the page's main thread N times slower, to
 * show the main-thread tasks a slower (or busier) machine would have; 1 leaves it alone.
 */
async function slowDown(page: Page): Promise<void> {
  if (cpuSlowdown === 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

async function measure(browser: Browser, url: string, path: string) {
  const { page } = await openPage(browser, url);
  // tsx keeps function names with a helper (__name) that functions sent to the page need too.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(INSTRUMENT);
  await slowDown(page);
  await page.reload();
  await page.waitForTimeout(2000); // the page settles (charts warm up in idle time)
  const idle = browserRss();
  let peak = idle;
  // When the peak happened, in node's clock from the file's choice (to name its stage below).
  let peakAt = 0;
  const chosenAt = performance.now();
  const trace: [number, number][] = [];
  const sampler = setInterval(() => {
    const now = browserRss();
    if (showMemoryTrace) trace.push([performance.now() - chosenAt, now - idle]);
    if (now > peak) [peak, peakAt] = [now, performance.now() - chosenAt];
  }, 100);
  await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
  const shown = await page.evaluate(RESULTS_ON_SCREEN);
  clearInterval(sampler);
  const bench = await page.evaluate(
    () =>
      (
        window as unknown as {
          __bench: { longTasks: [number, number][]; stages: [number, string][]; chosen: number };
        }
      ).__bench,
  );
  const during = bench.longTasks.filter(([start]) => start >= bench.chosen && start <= shown);
  // From the page's first task to the file's choice: loading, and settling while idle.
  const loading = bench.longTasks.filter(([start]) => start < bench.chosen);
  const stages = new Map<string, number>();
  bench.stages.forEach(([at, name], i) => {
    const end = bench.stages[i + 1]?.[0] ?? shown;
    if (name !== 'done') stages.set(name, (stages.get(name) ?? 0) + end - at);
  });
  // From the end of the work (the progress bar gone) to the results on screen.
  const lastDone = bench.stages.filter(([, name]) => name === 'done').at(-1)?.[0];
  stages.set('render', lastDone === undefined ? NaN : shown - lastDone);
  // Which stage each long task fell in (after the last stage: the final render).
  const stageAt = (time: number) => {
    let name = 'before';
    for (const [at, stage] of bench.stages) if (at <= time) name = stage;
    return name;
  };
  const longTasks = during.map(
    ([start, duration]) =>
      `${Math.round(duration)} ms at ${Math.round(start - bench.chosen)} ms (${stageAt(start)})`,
  );
  longTasks.push(
    `memory peak +${Math.round(peak - idle)} MB at about ${Math.round(peakAt)} ms (${stageAt(bench.chosen + peakAt)})`,
  );
  // --memory-trace: the growth every half second, with the stage the page was in.
  if (showMemoryTrace)
    longTasks.push(
      trace
        .filter((_, i) => i % 5 === 0)
        .map(
          ([at, mb]) =>
            `${(at / 1000).toFixed(1)}s +${Math.round(mb)} (${stageAt(bench.chosen + at)})`,
        )
        .join(', '),
    );
  const redraw = await changeK(page);
  const cancel = await cancelLatency(page, path);
  await page.context().close();
  return {
    total: shown - bench.chosen,
    stages,
    longestTask: Math.max(0, ...during.map(([, duration]) => duration)),
    longestLoadTask: Math.max(0, ...loading.map(([, duration]) => duration)),
    longTasksOver100: during.filter(([, duration]) => duration > 100).length,
    memory: peak - idle,
    redraw,
    cancel,
    longTasks,
  };
}

/** Resolves, in the page, at the first frame that shows a table with this caption. */
const TABLE_ON_SCREEN = (caption: string) =>
  new Promise<number>((resolve) => {
    const check = () => {
      const found = [...document.querySelectorAll('caption')].some(
        (c) => c.textContent === caption,
      );
      if (found) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });

/** The RFM path: file choice to the RFM tables, and to the clusters on RFM. */
async function measureRfm(browser: Browser, url: string, path: string) {
  const { page } = await openPage(browser, url);
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(INSTRUMENT);
  await slowDown(page);
  await page.reload();
  await page.waitForTimeout(2000);
  const idle = browserRss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, browserRss())), 100);
  await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
  const tables = await page.evaluate(TABLE_ON_SCREEN, 'Segment summary');
  const clusters = await page.evaluate(TABLE_ON_SCREEN, 'Clusters by RFM segment');
  clearInterval(sampler);
  const bench = await page.evaluate(
    () =>
      (window as unknown as { __bench: { longTasks: [number, number][]; chosen: number } }).__bench,
  );
  await page.context().close();
  const during = bench.longTasks.filter(([start]) => start >= bench.chosen && start <= clusters);
  return {
    tables: tables - bench.chosen,
    clusters: clusters - bench.chosen,
    longTasks: during.map(
      ([start, duration]) =>
        `${Math.round(duration)} ms at ${Math.round(start - bench.chosen)} ms (tables at ${Math.round(tables - bench.chosen)} ms, clusters at ${Math.round(clusters - bench.chosen)} ms)`,
    ),
    longestTask: Math.max(0, ...during.map(([, duration]) => duration)),
    memory: peak - idle,
  };
}

/** Picks another number of segments and times it to the frame that shows it. */
async function changeK(page: Page): Promise<number> {
  const select = page.getByLabel('Number of segments');
  const current = Number(await select.inputValue());
  const next = current === 2 ? 3 : 2;
  return page.evaluate(async (k) => {
    const element = [...document.querySelectorAll('label')]
      .find((l) => l.textContent?.startsWith('Number of segments'))
      ?.querySelector('select') as HTMLSelectElement;
    const start = performance.now();
    element.value = String(k);
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => {
        const rows = document.querySelectorAll('table.profiles tbody tr').length;
        const paths = document.querySelectorAll('.segment-points path').length;
        if (rows === k && paths === k) requestAnimationFrame(() => resolve());
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - start;
  }, next);
}

/**
 * Starts the file again and cancels in the middle of clustering; times the click to the frame
 * without progress (NaN when the analysis finished first).
 */
async function cancelLatency(page: Page, path: string): Promise<number> {
  await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
  await page.waitForFunction(
    () =>
      document
        .querySelector('[role=progressbar]')
        ?.getAttribute('aria-valuetext')
        ?.startsWith('Clustering'),
    null,
    { timeout: 600_000 },
  );
  await page.waitForTimeout(300);
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    // A small file may be done before the click: nothing to measure then.
    if (!button) return NaN;
    const start = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[role=progressbar]')
          ? requestAnimationFrame(check)
          : requestAnimationFrame(() => resolve());
      check();
    });
    return performance.now() - start;
  });
}

// --long-tasks: list every long task of each run with the stage it fell in (on stderr).
const showMemoryTrace = process.argv.includes('--memory-trace');
const showLongTasks = process.argv.includes('--long-tasks') || showMemoryTrace;
const slowdownAt = process.argv.indexOf('--cpu-slowdown');
const cpuSlowdown = slowdownAt === -1 ? 1 : Number(process.argv[slowdownAt + 1]);
if (!(cpuSlowdown >= 1)) throw new Error('--cpu-slowdown takes a factor of 1 or more');
/** The median run's longest task and the worst of all runs; "none" when no task reached 50 ms. */
function longTaskCell(median: number, worst: number): string {
  const ms = (value: number) => (value > 0 ? `${Math.round(value)} ms` : 'none');
  return `${ms(median)} (worst ${ms(worst)})`;
}

/**
 * npm run bench:browser -- --shapes [ids] --rows 1000000 --runs 3: each numeric file shape of
 * bench/shapes.ts in the page, from the file's choice to the results on screen, against pandas +
 * scikit-learn on the same file (read as the shape needs), runs taking turns; one table with the
 * medians, the longest main-thread task while analysing and while the page loads, and the
 * browser's memory growth against the file's size. The order-lines shape is not a numeric
 * pipeline (the page runs RFM on it; --rfm measures that path).
 */
async function benchPageShapes(args: ReturnType<typeof parseBenchArgs>): Promise<void> {
  const runs = args.runsGiven ? args.runs : 3;
  const rowCounts = args.rowsGiven ? args.sizes : [1_000_000];
  const ids = parseShapeIds(args.shapes ?? '');
  console.log(
    `SegmentLens page benchmark by file shape, ${new Date().toISOString().slice(0, 10)}, ${machine()}, headless Chromium${slowdownNote}, page defaults, median of ${runs} run(s)\n`,
  );
  const server = await serveBuild();
  const out: string[][] = [];
  try {
    for (const rows of rowCounts) {
      for (const shape of SHAPES.filter((s) => s.numeric && ids.includes(s.id))) {
        const { path, bytes } = await shapeFile(shape.id, rows);
        const ours: Awaited<ReturnType<typeof measure>>[] = [];
        const theirs: PipelineRun[] = [];
        for (let r = 0; r < runs; r++) {
          const browser = await launchBrowser();
          try {
            const result = await measure(browser, server.url, path);
            if (showLongTasks)
              console.error(`${shape.id}, run ${r + 1}: ${result.longTasks.join('; ') || 'none'}`);
            ours.push(result);
          } finally {
            await browser.close();
          }
          if (args.sklearn && (await hasSklearn()))
            theirs.push(await theirsOn(path, shape, args.nInit, false));
        }
        const mid = (pick: (r: (typeof ours)[number]) => number) => median(ours.map(pick));
        const stagesSum = (names: string[]) =>
          mid((r) => names.reduce((sum, name) => sum + (r.stages.get(name) ?? 0), 0));
        const total = mid((r) => r.total);
        const theirTotal = theirs.length > 0 ? median(theirs.map((r) => r.times_ms.total)) : NaN;
        const memory = mid((r) => r.memory);
        out.push([
          `${shape.title}, ${rows.toLocaleString('en-US')} rows (${(bytes / 1e6).toFixed(1)} MB)`,
          seconds(stagesSum(['Reading the file'])),
          seconds(stagesSum(['Detecting column kinds', 'Cleaning'])),
          seconds(stagesSum(['Scaling', 'Principal components'])),
          seconds(
            stagesSum([
              'Clustering',
              'Describing segments',
              'Preparing the silhouette sample',
              'render',
            ]),
          ),
          seconds(total),
          theirs.length > 0 ? seconds(theirTotal) : 'not run',
          theirs.length > 0 ? `${(total / theirTotal).toFixed(2)}x` : '–',
          longTaskCell(
            mid((r) => r.longestTask),
            Math.max(...ours.map((r) => r.longestTask)),
          ),
          longTaskCell(
            mid((r) => r.longestLoadTask),
            Math.max(...ours.map((r) => r.longestLoadTask)),
          ),
          `${Math.round(memory)} MB (${(memory / (bytes / 1e6)).toFixed(1)}x the file)`,
        ]);
        console.error(`done: ${shape.id}, ${rows} rows`);
      }
    }
  } finally {
    await server.close();
  }
  console.log(
    table(
      [
        'shape',
        'read (s)',
        'kinds + clean (s)',
        'scale + PCA (s)',
        'elbow, silhouette, drawing (s)',
        'file to results (s)',
        'pandas + scikit-learn (s)',
        'ratio',
        'longest main-thread task',
        'longest task while the page loads',
        'browser memory growth',
      ],
      out,
    ),
  );
}

const args = parseBenchArgs(
  process.argv
    .slice(2)
    .filter(
      (arg, i, all) =>
        arg !== '--long-tasks' &&
        arg !== '--memory-trace' &&
        arg !== '--cpu-slowdown' &&
        all[i - 1] !== '--cpu-slowdown',
    ),
);
const slowdownNote =
  cpuSlowdown === 1 ? '' : `, main thread slowed ${cpuSlowdown}x (Chromium's CPU throttling)`;
console.log(
  `SegmentLens browser benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}, headless Chromium${slowdownNote}, page defaults, median of ${args.runs} run(s)\n`,
);
if (args.shapes !== null) {
  await benchPageShapes(args);
  process.exit(0);
}
const server = await serveBuild();
const rows: string[][] = [];
const rfmRows: string[][] = [];
const stageNames = [
  'Reading the file',
  'Detecting column kinds',
  'Cleaning',
  'Scaling',
  'Principal components',
  'Clustering',
  'Preparing the silhouette sample',
  'render',
];
try {
  for (const input of await benchInputs(args)) {
    const results: Awaited<ReturnType<typeof measure>>[] = [];
    for (let r = 0; r < args.runs; r++) {
      const browser = await launchBrowser();
      try {
        const result = await measure(browser, server.url, input.path);
        if (showLongTasks)
          console.error(`${input.label}, run ${r + 1}: ${result.longTasks.join('; ') || 'none'}`);
        results.push(result);
      } finally {
        await browser.close();
      }
    }
    const mid = (pick: (r: (typeof results)[number]) => number) => median(results.map(pick));
    const result = {
      total: mid((r) => r.total),
      stages: new Map(stageNames.map((name) => [name, mid((r) => r.stages.get(name) ?? 0)])),
      longestTask: mid((r) => r.longestTask),
      worstTask: Math.max(...results.map((r) => r.longestTask)),
      memory: mid((r) => r.memory),
      redraw: mid((r) => r.redraw),
      cancel: mid((r) => r.cancel),
    };
    const sklearnRuns: PipelineRun[] = [];
    const naiveRuns: PipelineRun[] = [];
    for (let r = 0; r < args.runs; r++) {
      const sklearnRun = args.sklearn ? await runSklearn(input.path, 3) : null;
      if (sklearnRun) sklearnRuns.push(sklearnRun);
      if (input.rows <= args.naiveMax)
        naiveRuns.push(
          JSON.parse(
            await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [
              join(ROOT, 'bench', 'runNaive.ts'),
              input.path,
              '3',
            ]),
          ) as PipelineRun,
        );
    }
    const sklearnTotal = median(sklearnRuns.map((r) => r.times_ms.total));
    const naiveTotal = median(naiveRuns.map((r) => r.times_ms.total));
    const stage = (name: string) => seconds(result.stages.get(name));
    rows.push([
      `${input.label} (${(input.bytes / 1e6).toFixed(1)} MB)`,
      ...stageNames.map(stage),
      seconds(result.total),
      naiveRuns.length > 0
        ? `${seconds(naiveTotal)} (${(result.total / naiveTotal).toFixed(2)}x)`
        : 'not run (too slow)',
      sklearnRuns.length > 0
        ? `${seconds(sklearnTotal)} (${(result.total / sklearnTotal).toFixed(2)}x)`
        : 'not installed',
      longTaskCell(result.longestTask, result.worstTask),
      Number.isNaN(result.cancel) ? 'done before' : `${Math.round(result.cancel)} ms`,
      `${Math.round(result.redraw)} ms`,
      `${Math.round(result.memory)} MB`,
    ]);
    console.error(`done: ${input.label}`);
  }
  for (const path of args.rfm) {
    const results: Awaited<ReturnType<typeof measureRfm>>[] = [];
    for (let r = 0; r < args.runs; r++) {
      const browser = await launchBrowser();
      try {
        const result = await measureRfm(browser, server.url, path);
        if (showLongTasks)
          console.error(`RFM, run ${r + 1}: ${result.longTasks.join('; ') || 'none'}`);
        results.push(result);
      } finally {
        await browser.close();
      }
    }
    const mid = (pick: (r: (typeof results)[number]) => number) => median(results.map(pick));
    rfmRows.push([
      `${path.split('/').pop()} (${(statSync(path).size / 1e6).toFixed(1)} MB)`,
      seconds(mid((r) => r.tables)),
      seconds(mid((r) => r.clusters)),
      longTaskCell(
        mid((r) => r.longestTask),
        Math.max(...results.map((r) => r.longestTask)),
      ),
      `${Math.round(mid((r) => r.memory))} MB`,
    ]);
    console.error(`done: RFM ${path}`);
  }
} finally {
  await server.close();
}
if (rfmRows.length > 0)
  console.log(
    table(
      [
        'RFM (order lines)',
        'file to RFM tables (s)',
        'file to clusters on RFM (s)',
        'longest main-thread task',
        'browser memory growth',
      ],
      rfmRows,
    ) + '\n',
  );
console.log(
  table(
    [
      'data',
      'read',
      'column kinds',
      'clean',
      'scale',
      'PCA',
      'elbow (k-means, profiles)',
      'silhouette sample',
      'drawing the results',
      'file to results (s)',
      'naive ml-kmeans + ml-pca, node (s)',
      'scikit-learn (s)',
      'longest main-thread task',
      'Cancel answers in',
      'new k redraws in',
      'browser memory growth',
    ],
    rows,
  ),
);
