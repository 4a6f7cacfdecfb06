import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { valueCommand, valueUsage } from '../../src/cli/valueCommand';
import { valueClusteringFrom } from '../../src/cli/valueFlags';
import { createVoice, type Voice } from '../../src/cli/voice';
import { isUserError, type UserError } from '../../src/core/common/userError';
import { textSource } from '../../src/core/read/byteSource';
import { parseDate } from '../../src/core/read/parseDate';
import { defaultSegmentMap, nameSegments } from '../../src/core/rfm/rfmSegments';
import { AnalysisSession } from '../../src/core/session/session';
import {
  customerValueView,
  DEFAULT_VALUE_REQUEST,
  valueByGroupView,
  type ValueRequest,
} from '../../src/core/session/valueSession';
import { ordersRfm } from '../support/sessionData';
import { ordersText } from '../support/valueOrders';

const shopCsv = generateTransactionsCsv({ customers: 600, seed: 3 });
const en = createVoice('en');
const zh = createVoice('zh');

let dir: string;
let shop: string;
let once: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-value-'));
  shop = join(dir, 'shop.csv');
  await writeFile(shop, shopCsv);
  once = join(dir, 'once.csv');
  await writeFile(
    once,
    ordersText([
      ['a', '2024-01-01', 10],
      ['a', '2024-01-01', 4],
      ['b', '2024-02-01', 7],
    ]),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command with buffers for streams. */
async function run(argv: string[], voice: Voice = en) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await valueCommand(argv, io, voice);
  return { code, stdout, stderr };
}

/** The UserError the command refuses with: main prints it as one line and exits 2. */
async function refusal(argv: string[], voice: Voice = en): Promise<UserError & { line: string }> {
  try {
    await run(argv, voice);
  } catch (error) {
    if (isUserError(error)) return Object.assign(error, { line: voice.say(error.sentence) });
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The same request through a session of the same text, as the page would make it. */
async function sessionView(change: Partial<ValueRequest> = {}) {
  const session = await AnalysisSession.open(textSource(shopCsv), 'shop.csv', {});
  const request: ValueRequest = {
    ...DEFAULT_VALUE_REQUEST,
    holdout: 'none',
    rfm: ordersRfm,
    ...change,
  };
  return { session, request, view: customerValueView(session, request) };
}

describe('segmentlens value', () => {
  it("prints the JSON the issue specifies, with the session's figures", async () => {
    const { code, stdout, stderr } = await run([shop, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['bgnbd', 'gammaGamma', 'customers', 'bySegment', 'totals', 'atRisk']),
    );
    expect(result).not.toHaveProperty('holdout');
    expect(result).not.toHaveProperty('byCluster');
    const { session, request, view } = await sessionView();
    const { r, alpha, a, b, logLikelihood, converged } = view.bgnbd;
    expect(result.bgnbd).toEqual({ r, alpha, a, b, logLikelihood, converged, note: null });
    const gg = view.gammaGamma!;
    expect(result.gammaGamma).toMatchObject({ p: gg.p, q: gg.q, v: gg.v, converged: true });
    expect(result.customers).toBe(599);
    expect(result.customers).toBe(view.totals.customers);
    expect(result.repeatCustomers).toBe(view.totals.repeatCustomers);
    expect(result.totals).toEqual({
      expectedPurchases: view.totals.expectedPurchases,
      clv: view.totals.clv,
    });
    expect(result).toMatchObject({
      unit: 'days',
      horizonDays: 90,
      horizonMonths: 12,
      discount: 0.01,
    });
    expect(result.observationEnd).toBe('2026-01-01 22:12:00');
    const map = nameSegments(defaultSegmentMap('rf-grid'), en.say);
    const groups = await valueByGroupView(session, request, { kind: 'rfm', map });
    expect(result.bySegment.segmentMap).toBe('rf-grid');
    expect(result.bySegment.segments).toEqual(
      groups.groups.map((g) => ({
        name: g.name,
        customers: g.customers,
        meanPAlive: g.meanPAlive,
        meanExpectedPurchases: g.meanExpectedPurchases,
        meanClv: g.meanClv,
        shareOfValue: g.shareOfValue,
      })),
    );
    expect(result.atRisk.customers).toBe(view.atRisk.total);
    expect(result.atRisk.top).toEqual(view.atRisk.customers);
  });

  it('writes value.csv with one row per customer, and at-risk.csv', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await run([shop, '--out', out, '--k', '3', '--n-init', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote value.csv and at-risk.csv to ${out}`);
    const parse = async (name: string) =>
      Papa.parse<Record<string, string>>((await readFile(join(out, name), 'utf8')).slice(1), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const rows = await parse('value.csv');
    expect(rows).toHaveLength(599);
    expect(Object.keys(rows[0])).toEqual([
      'customer',
      'frequency',
      'recency',
      'T',
      'monetary_value',
      'p_alive',
      'expected_purchases',
      'expected_spend',
      'clv',
      'rfm_segment',
      'cluster',
      'cluster_label',
    ]);
    const { session, view } = await sessionView();
    const clusters = valueClusteringFrom({ k: '3', 'n-init': '2' })!;
    const expected = await session.customerClusters(ordersRfm, clusters.clustering, 3);
    expect(rows.map((row) => Number(row.cluster))).toEqual(Array.from(expected));
    expect(await parse('at-risk.csv')).toHaveLength(view.atRisk.total);
  });

  it('reports in Chinese with --lang zh, keeping the JSON keys English', async () => {
    const text = (await run([shop, '--segment-map', 'rfm-mean'], zh)).stdout;
    expect(text).toContain('599 个客户，其中');
    expect(text).toContain('按 RFM 细分群的价值（rfm-mean）');
    expect(text).toContain('重要价值客户');
    const chinese = JSON.parse(
      (await run([shop, '--json', '--k', '2', '--n-init', '2'], zh)).stdout,
    );
    const english = JSON.parse(
      (await run([shop, '--json', '--k', '2', '--n-init', '2'], en)).stdout,
    );
    expect(Object.keys(chinese)).toEqual(Object.keys(english));
    expect(chinese.bgnbd).toEqual(english.bgnbd);
    expect(chinese.bySegment.segments.map((s: { name: string }) => s.name)).toEqual(
      nameSegments(defaultSegmentMap('rf-grid'), zh.say).names,
    );
    expect(chinese.byCluster.clusters[0].label).not.toBe(english.byCluster.clusters[0].label);
    expect(chinese.byCluster.clusters[0].label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('prints the text report with the fits, the segments and the customers at risk', async () => {
    const { stdout } = await run([shop]);
    const { view } = await sessionView();
    expect(stdout).toContain(
      `: 599 customers, ${view.totals.repeatCustomers} with a repeat purchase; one purchase counted per day`,
    );
    expect(stdout).toMatch(/: [\d,]+ order lines read, [\d,]+ used: 599 customers/);
    expect(stdout).toContain(
      `BG/NBD (purchases and dropout): r = ${Number(view.bgnbd.r.toPrecision(4))},`,
    );
    expect(stdout).toMatch(
      /Gamma-Gamma \(spend per purchase\): p = [\d.]+, q = [\d.]+, v = [\d.]+/,
    );
    expect(stdout).toMatch(
      /Value by RFM segment \(rf-grid\):\n {2}segment +customers +mean P\(alive\)/,
    );
    expect(stdout).toContain(
      `Customers at risk (repeat spend in the top quarter, P(alive) below 0.5): ${view.atRisk.total}`,
    );
    expect(stdout).not.toContain('Holdout check');
  });

  it('checks the model on a holdout from --holdout-from', async () => {
    const { stdout } = await run([shop, '--json', '--holdout-from', '2025-10-01']);
    const result = JSON.parse(stdout);
    const holdoutStart = parseDate('2025-10-01', 'ymd');
    const { view } = await sessionView({ holdout: holdoutStart });
    const calibration = view.calibration!;
    expect(result.holdout).toMatchObject({
      predicted: calibration.total.predicted,
      actual: calibration.total.actual,
      customers: calibration.total.customers,
      from: '2025-10-01 00:00:00',
      to: '2026-01-01 22:12:00',
      duration: calibration.duration,
    });
    expect(result.holdout.byFrequency).toEqual(calibration.buckets);
    expect(result.holdout.actual).toBeGreaterThan(0);
    const text = (await run([shop, '--holdout-from', 'default'])).stdout;
    expect(text).toMatch(/Holdout check: fitted on the orders before \d+ \w+ 2025/);
  });

  it('counts per week with --unit weeks and takes the horizons and discount', async () => {
    const argv = [
      shop,
      '--json',
      '--unit',
      'weeks',
      '--horizon-days',
      '30',
      '--horizon-months',
      '6',
    ];
    const result = JSON.parse((await run([...argv, '--discount', '0.02'])).stdout);
    const { view } = await sessionView({
      unit: 'weeks',
      horizonDays: 30,
      horizonMonths: 6,
      monthlyDiscount: 0.02,
    });
    expect(result).toMatchObject({
      unit: 'weeks',
      horizonDays: 30,
      horizonMonths: 6,
      discount: 0.02,
    });
    expect(result.bgnbd.r).toBe(view.bgnbd.r);
    expect(result.totals).toEqual({
      expectedPurchases: view.totals.expectedPurchases,
      clv: view.totals.clv,
    });
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(valueUsage('en') + '\n');
    expect(valueUsage('en')).toMatch(/--horizon-months N/);
  });
});

describe('segmentlens value refuses, in one line', () => {
  it('a file of one-time buyers', async () => {
    const error = await refusal([once]);
    expect(error.code).toBe('no-repeat-purchases');
    expect(error.line).toMatch(/^No customer bought more than once/);
    expect(error.line).not.toContain('\n');
    expect((await refusal([once], zh)).line).toMatch(/^没有客户/);
  });

  it('a holdout date outside the orders, or one that is not a date', async () => {
    const outside = await refusal([shop, '--holdout-from', '2030-01-01']);
    expect(outside.sentence.key).toBe('valueHoldoutRange');
    expect(outside.line).toMatch(/^The holdout must start after the first order \(1 January 2025/);
    const before = await refusal([shop, '--holdout-from', '2020-01-01']);
    expect(before.sentence.key).toBe('valueHoldoutRange');
    const garbage = await refusal([shop, '--holdout-from', 'soon']);
    expect(garbage.line).toBe(
      '--holdout-from must be a date such as 2011-09-01 or "default" (the last quarter of the orders), not "soon".',
    );
  });

  it.each([
    [['--unit', 'months'], '--unit must be one of days, weeks, not "months".'],
    [['--horizon-months', '0'], '--horizon-months must be a whole number from 1 to 1200, not "0".'],
    [
      ['--horizon-months', '2.5'],
      '--horizon-months must be a whole number from 1 to 1200, not "2.5".',
    ],
    [['--horizon-days', 'x'], '--horizon-days must be a number of at least 0, not "x".'],
    [['--horizon-days', '0'], /^Expected purchases need a horizon of more than 0 days, not 0/],
    [['--discount=-0.1'], '--discount must be a number of at least 0, not "-0.1".'],
    [['--discount', '10'], /^The monthly discount rate must be a number from 0/],
    [['--k', '0'], '--k must be a whole number of at least 1, not "0".'],
    [['--segment-map', 'grid'], '--segment-map must be one of rf-grid, rfm-mean, not "grid".'],
  ])('%j, before reading the file', async (flags, expected) => {
    // The file does not exist: the flag is refused first.
    const error = await refusal([join(dir, 'missing.csv'), ...flags]);
    expect(error.code).toBe('bad-option');
    if (typeof expected === 'string') expect(error.line).toBe(expected);
    else expect(error.line).toMatch(expected);
  });

  it('no file, two files, a missing file, an unknown flag', async () => {
    expect((await refusal([])).sentence.key).toBe('cliOneFile');
    expect((await refusal([shop, shop])).sentence.key).toBe('cliOneFile');
    expect((await refusal([join(dir, 'missing.csv')])).sentence.key).toBe('cliNoSuchFile');
    expect((await refusal([shop, '--horizon', '3'])).sentence.key).toBe('cliUnknownOption');
  });
});
