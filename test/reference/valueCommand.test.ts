import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueCommand } from '../../src/cli/valueCommand';
import { createVoice } from '../../src/cli/voice';
import { requireShared, SHARED } from './sharedData';

/**
 * `segmentlens value` on the whole UCI Online Retail file against lifetimes (the fixture
 * scripts/reference/lifetimes_reference.py wrote for test/reference/value.test.ts): what the
 * command prints and writes, not only what the core computes.
 */
const FIXTURE = join(import.meta.dirname, 'data', 'value', 'online_retail.json');
const RETAIL = join(SHARED, 'datasets', 'online_retail_full.csv');
const MAPPING = [
  '--customer',
  'CustomerID',
  '--date',
  'InvoiceDate',
  '--order',
  'InvoiceNo',
  '--quantity',
  'Quantity',
  '--price',
  'UnitPrice',
];

interface Fit {
  [name: string]: number | boolean;
  logLikelihood: number;
}
interface UnitReference {
  summary: {
    customer: string[];
    frequency: number[];
    recency: number[];
    T: number[];
    monetary: number[];
  };
  bgnbd: Fit;
  gammaGamma: Fit;
  predictions?: {
    p_alive: number[];
    expected_purchases: number[];
    expected_spend: number[];
    clv: number[];
  };
}
interface RetailReference {
  snapshot: string;
  days: UnitReference;
  weeks: UnitReference;
  holdout: {
    holdout_start: string;
    duration: number;
    chart: { frequency: number[]; customers: number[]; actual: number[] };
  };
}

async function run(argv: string[]): Promise<string> {
  let stdout = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  };
  expect(await valueCommand(argv, io, createVoice('en'))).toBe(0);
  return stdout;
}

function expectRelative(ours: number, theirs: number, relative: number, name: string) {
  expect(Math.abs(ours - theirs), `${name}: ${ours} vs ${theirs}`).toBeLessThanOrEqual(
    relative * Math.abs(theirs),
  );
}

/** Indices where ours and theirs differ by more than `relative` of theirs. */
function mismatches(ours: number[], theirs: number[], relative: number): string[] {
  expect(ours).toHaveLength(theirs.length);
  const bad: string[] = [];
  theirs.forEach((value, i) => {
    if (!(Math.abs(ours[i] - value) <= relative * Math.abs(value) + 1e-300)) {
      bad.push(`${i}: ${ours[i]} instead of ${value}`);
    }
  });
  return bad.slice(0, 5);
}

describe('segmentlens value on the UCI Online Retail file against lifetimes', () => {
  let reference: RetailReference;
  let dir: string;
  let result: Record<string, Record<string, number | boolean | null> & Record<string, unknown>>;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    requireShared();
    reference = JSON.parse(await readFile(FIXTURE, 'utf8')) as RetailReference;
    dir = await mkdtemp(join(tmpdir(), 'segmentlens-value-reference-'));
    const argv = [RETAIL, ...MAPPING, '--json', '--holdout-from', 'default', '--out', dir];
    result = JSON.parse(await run(argv));
    const text = (await readFile(join(dir, 'value.csv'), 'utf8')).slice(1);
    rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  }, 300_000);

  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("prints lifetimes' parameters to relative 1e-3 (days), at a log-likelihood no lower", () => {
    const { bgnbd, gammaGamma } = reference.days;
    expect(result.customers).toBe(4338);
    expect(result.observationEnd).toBe(reference.snapshot);
    expect(result.bgnbd.converged).toBe(true);
    expect(result.gammaGamma.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b']) {
      expectRelative(result.bgnbd[name] as number, bgnbd[name] as number, 1e-3, name);
    }
    for (const name of ['p', 'q', 'v']) {
      expectRelative(result.gammaGamma[name] as number, gammaGamma[name] as number, 1e-3, name);
    }
    expect(result.bgnbd.logLikelihood).toBeGreaterThanOrEqual(bgnbd.logLikelihood - 1e-9);
    expect(result.gammaGamma.logLikelihood).toBeGreaterThanOrEqual(gammaGamma.logLikelihood - 1e-9);
  });

  it("writes value.csv with every customer's summary exactly as lifetimes', and its figures", () => {
    const { summary, predictions } = reference.days;
    expect(rows).toHaveLength(4338);
    expect(rows.map((row) => row.customer)).toEqual(summary.customer);
    const column = (name: string) => rows.map((row) => Number(row[name]));
    expect(column('frequency')).toEqual(summary.frequency);
    expect(column('recency')).toEqual(summary.recency);
    expect(column('T')).toEqual(summary.T);
    // Written to 12 significant digits.
    expect(mismatches(column('monetary_value'), summary.monetary, 1e-11)).toEqual([]);
    // Our fit's figures against lifetimes' at its own fit, as value.test.ts checks the core.
    expect(mismatches(column('p_alive'), predictions!.p_alive, 1e-4)).toEqual([]);
    expect(mismatches(column('expected_purchases'), predictions!.expected_purchases, 1e-4)).toEqual(
      [],
    );
    expect(mismatches(column('expected_spend'), predictions!.expected_spend, 1e-4)).toEqual([]);
    expect(mismatches(column('clv'), predictions!.clv, 1e-4)).toEqual([]);
  });

  it("splits calibration and holdout where lifetimes' fixture does, with the same actual purchases", () => {
    const holdout = result.holdout as Record<string, unknown>;
    const expected = reference.holdout;
    expect(holdout.from).toBe(expected.holdout_start);
    expect(holdout.duration).toBe(expected.duration);
    const buckets = holdout.byFrequency as {
      frequency: number;
      customers: number;
      actual: number;
    }[];
    expect(buckets.map((b) => b.frequency)).toEqual(expected.chart.frequency);
    expect(buckets.map((b) => b.customers)).toEqual(expected.chart.customers);
    expect(
      mismatches(
        buckets.map((b) => b.actual),
        expected.chart.actual,
        1e-12,
      ),
    ).toEqual([]);
  });

  it('says the week model does not converge, and reaches at least the likelihood lifetimes found', async () => {
    const weeks = JSON.parse(await run([RETAIL, ...MAPPING, '--json', '--unit', 'weeks']));
    expect(weeks.customers).toBe(4338);
    expect(weeks.bgnbd.converged).toBe(false);
    expect(weeks.bgnbd.note).toMatch(/^The fit did not converge: almost no customer seems to stop/);
    expect(weeks.bgnbd.logLikelihood).toBeGreaterThanOrEqual(
      reference.weeks.bgnbd.logLikelihood - 1e-9,
    );
    for (const name of ['p', 'q', 'v']) {
      const theirs = reference.weeks.gammaGamma[name] as number;
      expectRelative(weeks.gammaGamma[name] as number, theirs, 1e-3, name);
    }
  }, 300_000);
});
