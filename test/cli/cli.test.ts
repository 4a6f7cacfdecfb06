import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { runMain } from '../support/runCommand';
import { createVoice } from '../../src/cli/voice';
import { message } from '../../src/core/common/message';
import { renderMessage } from '../../src/i18n/formatMessage';
import { CATALOGS } from '../../src/i18n/formatMessage';
import { REFUSED } from '../fixtures/files';
import { leavesOf, literalsOf } from '../support/icu';

const bin = join(import.meta.dirname, '../../bin/segmentlens.mjs');

/** The environment without its locale, so the command line speaks English on any machine. */
const ENGLISH_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'LANG' && !name.startsWith('LC_')),
);

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { maxBuffer: 64 * 1024 * 1024, env: ENGLISH_ENV },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * The English sentences of the catalogs, as pieces of literal text long enough to be telling
 * (two words or more): none may appear in output asked for in Chinese.
 */
const CHINESE_TEXT = [
  ...leavesOf(CATALOGS.zh.message),
  ...leavesOf(CATALOGS.zh.cliMessage),
  ...leavesOf(CATALOGS.zh.cli),
]
  .map(([, template]) => template)
  .join('\n');

const ENGLISH_SENTENCES = [
  ...new Set(
    [
      ...leavesOf(CATALOGS.en.message),
      ...leavesOf(CATALOGS.en.cliMessage),
      ...leavesOf(CATALOGS.en.cli),
    ]
      .flatMap(([, template]) => literalsOf(template))
      .map((piece) => piece.trim())
      .filter((piece) => piece.split(/\s+/).length >= 2 && /[a-z]{3}/.test(piece))
      // Notation both languages write alike, such as log(1 + x), is not English.
      .filter((piece) => !CHINESE_TEXT.includes(piece)),
  ),
];

const englishIn = (text: string) => ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence));

/**
 * Tests that start the command itself (node and tsx, then the analysis) take seconds per run, and
 * many times that on a busy shared machine: a generous limit, never a check of speed.
 */
const SPAWNING = { timeout: 240_000 };

let dir: string;
let customers: string;
let transactions: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-cli-'));
  customers = join(dir, 'customers.csv');
  await writeFile(customers, generateCustomersCsv({ rows: 800, seed: 2, duplicates: 3 }));
  transactions = join(dir, 'transactions.csv');
  await writeFile(transactions, generateTransactionsCsv({ customers: 200, seed: 9 }));
});

describe('segmentlens analyze', SPAWNING, () => {
  it('prints the JSON the issue specifies', async () => {
    const { code, stdout, stderr } = await run([
      'analyze',
      customers,
      '--json',
      '--n-init',
      '3',
      '--k-max',
      '6',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'rows',
        'features',
        'scaling',
        'pca',
        'elbow',
        'silhouetteSampleSize',
        'recommendedK',
        'k',
        'segments',
      ]),
    );
    expect(result.rows.read).toBe(803);
    expect(
      result.rows.kept +
        Object.values(result.rows.dropped as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBe(803);
    expect(result.features).toEqual([
      'age',
      'annual_income',
      'annual_spend',
      'visits_per_month',
      'tenure_months',
    ]);
    expect(result.scaling.method).toBe('zscore');
    expect(result.pca.explainedVarianceRatio).toHaveLength(5);
    expect(result.elbow.map((p: { k: number }) => p.k)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.elbow[0]).toEqual({ k: 1, inertia: expect.any(Number) });
    expect(result.elbow[1]).toEqual({
      k: 2,
      inertia: expect.any(Number),
      silhouette: expect.any(Number),
      daviesBouldin: expect.any(Number),
      calinskiHarabasz: expect.any(Number),
    });
    expect(result.k).toBe(result.recommendedK);
    const segments = result.segments as {
      id: number;
      label: string;
      size: number;
      share: number;
      means: Record<string, number>;
    }[];
    expect(segments.reduce((sum, s) => sum + s.size, 0)).toBe(result.rows.kept);
    expect(Object.keys(segments[0].means)).toEqual(result.features);
  });

  it('writes segments.csv, one file per segment and the set-aside rows with --out', async () => {
    const out = join(dir, 'out');
    const { code } = await run([
      'analyze',
      customers,
      '--k',
      '3',
      '--n-init',
      '2',
      '--k-max',
      '4',
      '--out',
      out,
      '--json',
    ]);
    expect(code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toContain('segments.csv');
    expect(files).toContain('set-aside.csv');
    expect(files.filter((f) => f.startsWith('segment-'))).toHaveLength(3);
    const all = Papa.parse<Record<string, string>>(
      (await readFile(join(out, 'segments.csv'), 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const setAside = Papa.parse<Record<string, string>>(
      (await readFile(join(out, 'set-aside.csv'), 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    // segments.csv holds every record once (#18): the analysed rows, and the rows set aside
    // with an empty segment and their reason, which set-aside.csv details.
    expect(all.length).toBe(803);
    const analysed = all.filter((r) => r.segment !== '');
    expect(analysed.length + setAside.length).toBe(803);
    expect(all.filter((r) => r.segment === '').map((r) => r.set_aside_reason !== '')).toEqual(
      setAside.map(() => true),
    );
    expect(new Set(analysed.map((r) => r.segment))).toEqual(new Set(['0', '1', '2']));
    const perSegment = await Promise.all(
      files.filter((f) => f.startsWith('segment-')).map((f) => readFile(join(out, f), 'utf8')),
    );
    const counted = perSegment.map(
      (text) =>
        Papa.parse(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.length,
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBe(analysed.length);
    // Original text is kept: ids as written.
    expect(all[0].customer_id).toMatch(/^C1\d{5}$/);
  });

  it('takes each cleaning, scaling and seeding option, with the defaults of the page when left out', async () => {
    const base = ['analyze', customers, '--json', '--n-init', '2', '--k-max', '3', '--k', '3'];
    const json = async (...extra: string[]) => {
      const { code, stdout, stderr } = await run([...base, ...extra]);
      expect(stderr, extra.join(' ')).toBe('');
      expect(code, extra.join(' ')).toBe(0);
      return JSON.parse(stdout);
    };
    const [plain, none, clip, drop, iqr, keep, mean, minmax, robust, seed, again, subset, logged] =
      await Promise.all([
        json(),
        json('--outliers', 'none'),
        json('--outliers', 'clip'),
        json('--outliers', 'drop'),
        json('--outliers', 'drop', '--outlier-method', 'iqr'),
        json('--duplicates', 'keep'),
        json('--missing', 'mean'),
        json('--scale', 'minmax'),
        json('--scale', 'robust'),
        json('--seed', '7'),
        json('--seed', '7'),
        json('--features', 'age,annual_spend'),
        json('--log1p', 'annual_spend,region'),
      ]);
    const inertias = (r: { elbow: { inertia: number }[] }) => r.elbow.map((p) => p.inertia);
    // Outliers are clipped at |z| > 3 unless told otherwise, as on the page.
    expect(inertias(plain)).toEqual(inertias(clip));
    expect(inertias(plain)).not.toEqual(inertias(none));
    expect(drop.rows.dropped.outlier).toBeGreaterThan(0);
    expect(iqr.rows.dropped.outlier).toBeGreaterThan(drop.rows.dropped.outlier);
    expect(plain.rows.dropped.duplicate).toBe(3);
    expect(keep.rows.dropped.duplicate).toBe(0);
    expect(plain.rows.dropped.missing).toBeGreaterThan(0);
    expect(mean.rows.dropped.missing).toBe(0);
    expect(mean.rows.kept).toBe(plain.rows.kept + plain.rows.dropped.missing);
    expect(minmax.scaling.method).toBe('minmax');
    expect(Math.max(...minmax.scaling.scale)).toBeGreaterThan(0);
    expect(robust.scaling.method).toBe('robust');
    // Same seed, same result.
    expect(again.elbow).toEqual(seed.elbow);
    expect(again.segments).toEqual(seed.segments);
    expect(subset.features).toEqual(['age', 'annual_spend']);
    expect(logged.features).toContain('log1p(annual_spend)');
    expect(logged.notes).toContain(
      'region is not a numeric feature, so log(1 + x) was not applied to it.',
    );
    // Every row set aside is listed with its line and reason.
    expect(drop.rows.setAside).toHaveLength(
      Object.values(drop.rows.dropped as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(drop.rows.setAside[0]).toEqual({
      line: expect.any(Number),
      reason: expect.stringMatching(/^(malformed|duplicate|missing|outlier)$/),
      detail: expect.any(String),
    });
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run(['analyze', customers, '--n-init', '2', '--k-max', '4']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/803 rows read/);
    expect(stdout).toMatch(/Recommended k = \d/);
  });

  it('exits with status 2 and one line for input the user can fix', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const workbook = join(dir, 'book.csv');
    await writeFile(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const cases: [string[], RegExp][] = [
      [['analyze', join(dir, 'missing.csv')], /no such file/],
      [['analyze', empty], /empty/],
      [['analyze', workbook], /damaged zip archive, not a CSV, Excel workbook or Parquet file/],
      [['analyze', customers, '--k', 'zero'], /--k must be a whole number/],
      [['analyze', customers, '--scale', 'log'], /--scale must be one of zscore, minmax, robust/],
      [['analyze', customers, '--features', 'nope'], /no column named "nope"/],
      [['analyze', customers, '--bogus'], /There is no option --bogus: see segmentlens --help/],
      [['frobnicate'], /no command "frobnicate"/],
    ];
    for (const fixture of REFUSED) {
      const path = join(dir, `refused-${fixture.name}`);
      await writeFile(path, fixture.bytes);
      cases.push([
        ['analyze', path, ...(fixture.k ? ['--k', String(fixture.k)] : [])],
        fixture.message,
      ]);
    }
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^segmentlens: /);
      expect(stderr.replace(/^segmentlens: /, '')).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('segmentlens rfm', SPAWNING, () => {
  it('prints rows, customers, snapshot and segment counts as JSON, and writes rfm.csv with --out', async () => {
    const out = join(dir, 'rfm-out');
    const { code, stdout, stderr } = await run([
      'rfm',
      transactions,
      '--json',
      '--n-init',
      '2',
      '--k',
      '4',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.rows.read).toBe(
      (await readFile(transactions, 'utf8')).trimEnd().split('\r\n').length - 1,
    );
    const dropped = Object.values(result.rows.dropped as Record<string, number>);
    expect(result.rows.used + dropped.reduce((a, b) => a + b, 0)).toBe(result.rows.read);
    expect(result.rows.dropped.no_customer_id).toBeGreaterThan(0);
    expect(result.rows.dropped.cancellation).toBeGreaterThan(0);
    expect(result.snapshot).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const counts = Object.values(result.segmentCounts as Record<string, number>);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(result.customers);
    expect(result.clustering.k).toBe(4);

    const rfm = Papa.parse<Record<string, string>>(
      (await readFile(join(out, 'rfm.csv'), 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(rfm.meta.fields).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'R',
      'F',
      'M',
      'segment',
      'cluster',
      'cluster_label',
    ]);
    expect(rfm.data).toHaveLength(result.customers);
    // `12345.0` in the file is the customer 12345.
    expect(rfm.data.every((row) => /^\d+$/.test(row.customer))).toBe(true);
    expect(new Set(rfm.data.map((row) => row.cluster))).toEqual(new Set(['0', '1', '2', '3']));
    const setAside = (await readFile(join(out, 'set-aside.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(setAside.length - 1).toBe(dropped.reduce((a, b) => a + b, 0));
  });

  it('takes the mapping and the date order from flags, and says which flag is missing', async () => {
    const ambiguous = join(dir, 'ambiguous.csv');
    await writeFile(
      ambiguous,
      'client,when,paid\na,01/02/2024,5\na,03/04/2024,6\nb,02/03/2024,7\n',
    );
    const refused = await run([
      'rfm',
      ambiguous,
      '--customer',
      'client',
      '--date',
      'when',
      '--amount',
      'paid',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /day-first or month-first: add --day-first or --month-first\.$/m,
    );
    const dayFirst = await run([
      'rfm',
      ambiguous,
      '--customer',
      'client',
      '--date',
      'when',
      '--amount',
      'paid',
      '--day-first',
      '--json',
    ]);
    expect(dayFirst.stderr).toBe('');
    expect(JSON.parse(dayFirst.stdout).snapshot).toBe('2024-04-04 00:00:00');
    const monthFirst = await run([
      'rfm',
      ambiguous,
      '--customer',
      'client',
      '--date',
      'when',
      '--amount',
      'paid',
      '--month-first',
      '--json',
    ]);
    expect(JSON.parse(monthFirst.stdout).snapshot).toBe('2024-03-05 00:00:00');

    // The names alone are enough here: client, a date column and paid.
    const suggested = await run(['rfm', ambiguous, '--day-first', '--json']);
    // The same result; only how the columns were chosen differs (given, or recognised), and the
    // time each stage took.
    const { columnBasis: given, timings: _first, ...fromFlags } = JSON.parse(dayFirst.stdout);
    const {
      columnBasis: recognised,
      timings: _second,
      ...fromNames
    } = JSON.parse(suggested.stdout);
    expect(fromNames).toEqual(fromFlags);
    expect(given).toEqual({ customer: 'given', date: 'given', amount: 'given' });
    expect(recognised).toEqual({ customer: 'name', date: 'content', amount: 'name' });
    const anonymous = join(dir, 'anonymous.csv');
    await writeFile(anonymous, 'who,when,paid\na,2024-01-02,5\na,2024-03-04,6\nb,2024-02-03,7\n');
    const unmapped = await run(['rfm', anonymous]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toMatch(/add --customer COL \(--help lists every column flag/);
    const onePrice = await run(['rfm', transactions, '--quantity', 'Quantity']);
    expect(onePrice.stderr).toMatch(/add --price COL/);
  });
});

describe('segmentlens analyze --algorithm', SPAWNING, () => {
  it('runs DBSCAN: noise is segment -1 in the JSON and in the exported files', async () => {
    const out = join(dir, 'dbscan-out');
    const { code, stdout, stderr } = await run([
      'analyze',
      customers,
      '--algorithm',
      'dbscan',
      '--eps',
      '0.6',
      '--min-pts',
      '6',
      '--metric',
      'manhattan',
      '--json',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.algorithm).toBe('dbscan');
    expect(result.metric).toBe('manhattan');
    expect(result.dbscan).toMatchObject({ eps: 0.6, minPts: 6 });
    expect(result.k).toBe(result.dbscan.clusters);
    const noise = result.segments.find((s: { id: number }) => s.id === -1);
    expect(noise).toMatchObject({ label: 'Noise', size: result.dbscan.noise });
    const rows = Papa.parse<Record<string, string>>(
      (await readFile(join(out, 'segments.csv'), 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data.filter((row) => row.segment !== '');
    expect(rows).toHaveLength(result.rows.kept);
    expect(rows.filter((row) => row.segment === '-1')).toHaveLength(result.dbscan.noise);
    // Each row says what DBSCAN made of it: noise exactly where the segment is -1.
    expect(rows.filter((row) => row.dbscan_point === 'core')).toHaveLength(result.dbscan.coreRows);
    for (const row of rows) expect(row.dbscan_point === 'noise').toBe(row.segment === '-1');
    expect(new Set(rows.map((row) => row.dbscan_point))).toEqual(
      new Set(['core', 'border', 'noise']),
    );
    expect((await readdir(out)).some((name) => name.startsWith('segment--1'))).toBe(true);
  });

  it('runs hierarchical clustering and compares the three algorithms', async () => {
    const { code, stdout } = await run([
      'analyze',
      customers,
      '--algorithm',
      'hierarchical',
      '--linkage',
      'average',
      '--k',
      '4',
      '--compare',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.hierarchical).toMatchObject({ linkage: 'average', treeRows: result.rows.kept });
    expect(result.segments).toHaveLength(4);
    expect(result.comparison.rows.map((r: { algorithm: string }) => r.algorithm)).toEqual([
      'kmeans',
      'hierarchical',
      'dbscan',
    ]);
    expect(result.comparison.agreement[1][1]).toBe(1);
  });

  it('refuses flags of another algorithm in one line', async () => {
    const eps = await run(['analyze', customers, '--eps', '0.5']);
    expect(eps.code).toBe(2);
    expect(eps.stderr.trim()).toBe('segmentlens: --eps applies to DBSCAN: add --algorithm dbscan.');
    const treeRows = await run(['analyze', customers, '--tree-rows', '8000']);
    expect(treeRows.code).toBe(2);
    expect(treeRows.stderr.trim()).toBe(
      'segmentlens: --tree-rows applies to hierarchical clustering: add --algorithm hierarchical.',
    );
  });

  it('builds the tree on a sample of the rows --tree-rows allows, and says so', async () => {
    const args = ['analyze', customers, '--algorithm', 'hierarchical', '--k-max', '3'];
    const { code, stdout } = await run([...args, '--tree-rows', '150', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      hierarchical: { treeRows: number; maxRows: number };
      notes: string[];
      rows: { kept: number };
    };
    expect(result.hierarchical).toMatchObject({ treeRows: 150, maxRows: 150 });
    expect(result.notes).toContain(
      `Hierarchical clustering ran on a seeded sample of 150 of the ${result.rows.kept.toLocaleString('en')} rows (the tree needs every pairwise distance, so it is built on at most 150 rows; you may choose up to 10,000); every other row joined the segment whose centre is nearest.`,
    );
    const tooMany = await run([...args, '--tree-rows', '20000']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/--tree-rows/);
  });

  it('builds a Ward tree with Euclidean distances and says so when another distance is chosen', async () => {
    const ward = await run([
      'analyze',
      customers,
      '--algorithm',
      'hierarchical',
      '--metric',
      'cosine',
      '--json',
    ]);
    expect(ward.code).toBe(0);
    const result = JSON.parse(ward.stdout) as { notes: string[]; metric: string };
    expect(result.metric).toBe('cosine');
    expect(result.notes).toContain(
      'Ward linkage builds its tree with Euclidean distances only; the distance chosen measures the silhouette.',
    );
  });
});

describe('segmentlens --lang', () => {
  const analyze = ['analyze', '', '--n-init', '2', '--k-max', '4', '--k', '3'];
  const withFile = (args: string[]) => args.map((arg) => (arg === '' ? customers : arg));
  const zh = createVoice('zh');

  it('prints the text report in Chinese with --lang zh, and no English sentence', async () => {
    const report = [...withFile(analyze), '--compare', '--log1p', 'annual_spend,region'];
    const chinese = await runMain(['--lang', 'zh', ...report]);
    expect(chinese.stderr).toBe('');
    expect(chinese.code).toBe(0);
    const lines = chinese.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${customers}：读取 803 行，分析 \\d+ 行（排除：`));
    expect(lines).toContain(zh.text('segments', { k: 3 }));
    expect(chinese.stdout).toMatch(/推荐 k = \d。/);
    expect(chinese.stdout).toContain('轮廓系数');
    expect(lines).toContain('说明：');
    expect(lines).toContain('  - region 不是数值特征，因此没有对它取 log(1 + x)。');
    expect(lines).toContain(zh.text('agreement'));
    expect(chinese.stdout).toMatch(/k = 3，2 次初始化中的最优结果/);
    expect(englishIn(chinese.stdout)).toEqual([]);
    // The same report in English says the same figures.
    const english = await runMain(report);
    expect(english.stdout).toMatch(/^.*: 803 rows read, \d+ analysed/);
    expect(englishIn(english.stdout).length).toBeGreaterThan(3);
    const figures = (text: string) => text.match(/\d+\.\d{2,}/g);
    expect(figures(chinese.stdout)).toEqual(figures(english.stdout));
  });

  it('refuses in Chinese, in one line, with --lang zh', async () => {
    const missing = join(dir, 'missing.csv');
    const cases: [string[], string][] = [
      [
        ['--lang', 'zh', 'analyze', missing],
        renderMessage('zh', message('cliNoSuchFile', { path: missing }), 'cli'),
      ],
      [['analyze', customers, '--features', 'nope', '--lang', 'zh'], '没有名为“nope”的列'],
      [
        ['--lang', 'zh', 'analyze', customers, '--k', 'zero'],
        '--k 必须是不小于 1 的整数，而不是“zero”。',
      ],
      [['--lang', 'zh', 'frobnicate'], '没有“frobnicate”这个命令'],
      [['--lang', 'zh', 'rfm', customers, '--customer', 'customer_id'], '--date COL'],
    ];
    for (const [args, expected] of cases) {
      const { code, stdout, stderr } = await runMain(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr.startsWith('segmentlens: ')).toBe(true);
      expect(stderr, args.join(' ')).toContain(expected);
      expect(englishIn(stderr), args.join(' ')).toEqual([]);
    }
    // The command line's own wording of a core message, in Chinese.
    const unmapped = await runMain(['--lang', 'zh', 'rfm', customers, '--customer', 'customer_id']);
    expect(unmapped.stderr).toBe(
      `segmentlens: ${renderMessage('zh', message('cliMappingMissing', { count: 1, flags: '--date COL' }), 'cli')}\n`,
    );
  });

  it('speaks English with --lang=en, whatever the environment says', async () => {
    const missing = join(dir, 'missing.csv');
    const { code, stderr } = await runMain(['analyze', missing, '--lang=en'], {
      LANG: 'zh_CN.UTF-8',
      LC_ALL: 'zh_CN.UTF-8',
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `segmentlens: Cannot read ${missing}: there is no such file; check the path.\n`,
    );
  });

  it('takes its language from LANG=zh_CN.UTF-8 in the environment when not told', async () => {
    const missing = join(dir, 'missing.csv');
    const chinese = await runMain(['analyze', missing], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe(
      `segmentlens: ${renderMessage('zh', message('cliNoSuchFile', { path: missing }))}\n`,
    );
    // LC_ALL outranks LANG; no locale at all is English.
    const english = await runMain(['analyze', missing], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' });
    expect(english.stderr).toMatch(/there is no such file/);
    expect((await runMain(['analyze', missing], {})).stderr).toMatch(/there is no such file/);
  });

  it('refuses a language it does not speak in one line, with status 2', async () => {
    for (const args of [
      ['--lang', 'xx', 'analyze', customers],
      ['analyze', customers, '--lang=fr'],
    ]) {
      const { code, stdout, stderr } = await runMain(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^segmentlens: --lang must be one of en, zh, not "(xx|fr)"\.\n$/);
    }
  });

  it('keeps the JSON keys in English with --lang zh, only the sentences in it change', async () => {
    const json = async (...extra: string[]) => {
      const { code, stdout, stderr } = await runMain([...extra, ...withFile(analyze), '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout) as Record<string, unknown>;
    };
    const [english, chinese] = await Promise.all([json(), json('--lang', 'zh')]);
    expect(keyPaths(chinese)).toEqual(keyPaths(english));
    expect(chinese.recommendedK).toBe(english.recommendedK);
    expect(chinese.recommendation).not.toBe(english.recommendation);
    expect(englishIn(JSON.stringify(chinese))).toEqual([]);
    const labels = (result: Record<string, unknown>) =>
      (result.segments as { label: string }[]).map((segment) => segment.label);
    expect(labels(chinese).every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);

    const rfm = async (...extra: string[]) => {
      const out = await runMain([
        ...extra,
        'rfm',
        transactions,
        '--json',
        '--n-init',
        '2',
        '--k',
        '3',
      ]);
      expect(out.code).toBe(0);
      return JSON.parse(out.stdout) as Record<string, unknown>;
    };
    const [englishRfm, chineseRfm] = await Promise.all([rfm(), rfm('--lang', 'zh')]);
    // Segment names are the keys of segmentCounts: data, said in the language, like the labels.
    const dataKeyed = (result: Record<string, unknown>) => ({ ...result, segmentCounts: {} });
    expect(keyPaths(dataKeyed(chineseRfm))).toEqual(keyPaths(dataKeyed(englishRfm)));
    const customers = (result: Record<string, unknown>) =>
      (result.segments as { customers: number }[]).map((segment) => segment.customers);
    expect(customers(chineseRfm)).toEqual(customers(englishRfm));
    const counts = (result: Record<string, unknown>) =>
      Object.values(result.segmentCounts as Record<string, number>).sort((a, b) => a - b);
    expect(counts(chineseRfm)).toEqual(counts(englishRfm));
    expect(Object.keys(chineseRfm.segmentCounts as object)).toContain('冠军客户');
  });
});

describe('segmentlens rfm --segment-map', () => {
  it('names the eight segments of R, F and M against the mean, every customer counted once', async () => {
    const out = join(dir, 'rfm-mean-out');
    const { code, stdout, stderr } = await runMain([
      'rfm',
      transactions,
      '--segment-map',
      'rfm-mean',
      '--json',
      '--n-init',
      '2',
      '--k',
      '3',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const eight = [
      'Important value customers',
      'Important development customers',
      'Important retention customers',
      'Important win-back customers',
      'General value customers',
      'General development customers',
      'General retention customers',
      'General win-back customers',
    ];
    expect(result.segmentMap).toBe('rfm-mean');
    expect(result.segments.map((s: { name: string }) => s.name)).toEqual(eight);
    const counts = result.segmentCounts as Record<string, number>;
    expect(Object.keys(counts).every((name) => eight.includes(name))).toBe(true);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(result.customers);
    expect(
      result.segments.reduce((a: number, s: { customers: number }) => a + s.customers, 0),
    ).toBe(result.customers);

    // The table written says the same, each customer in the segment their figures call for.
    const rows = Papa.parse<Record<string, string>>(
      (await readFile(join(out, 'rfm.csv'), 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(result.customers);
    const column = (name: string) => rows.map((row) => Number(row[name]));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const [recency, frequency, monetary] = ['recency', 'frequency', 'monetary'].map(column);
    const means = [mean(recency), mean(frequency), mean(monetary)];
    let checked = 0;
    rows.forEach((row, i) => {
      // Money is written to 12 digits: a customer right at the mean could read either way.
      if (Math.abs(monetary[i] - means[2]) < 1e-6 * means[2]) return;
      const r = recency[i] < means[0];
      const f = frequency[i] > means[1];
      const m = monetary[i] > means[2];
      const name = `${m ? 'Important' : 'General'} ${r ? (f ? 'value' : 'development') : f ? 'retention' : 'win-back'} customers`;
      expect(row.segment, row.customer).toBe(name);
      checked++;
    });
    expect(checked).toBeGreaterThan(rows.length * 0.95);
    for (const name of eight)
      expect(rows.filter((row) => row.segment === name).length).toBe(counts[name] ?? 0);
  });

  it('lists the eight segments in the text report, in Chinese with --lang zh', async () => {
    const { code, stdout } = await runMain([
      '--lang',
      'zh',
      'rfm',
      transactions,
      '--segment-map',
      'rfm-mean',
      '--n-init',
      '2',
      '--k',
      '3',
    ]);
    expect(code).toBe(0);
    for (const name of ['重要价值客户', '一般挽留客户', '重要发展客户'])
      expect(stdout).toContain(name);
    expect(englishIn(stdout)).toEqual([]);
    const rows = stdout.split('\n').filter((line) => /^ {2}(重要|一般)\S+客户 /.test(line));
    expect(rows).toHaveLength(8);
  });

  it('keeps the classic ten segments by default, and refuses a map it does not know', async () => {
    const { stdout } = await runMain(['rfm', transactions, '--json', '--n-init', '2', '--k', '3']);
    const result = JSON.parse(stdout);
    expect(result.segmentMap).toBe('rf-grid');
    expect(result.segments).toHaveLength(10);
    const refused = await runMain(['rfm', transactions, '--segment-map', 'rfm']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'segmentlens: --segment-map must be one of rf-grid, rfm-mean, not "rfm".\n',
    );
  });
});

/** Every key of a JSON value, by its path (array items by their position). */
function keyPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keyPaths(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    `${path}.${key}`,
    ...keyPaths(item, `${path}.${key}`),
  ]);
}
