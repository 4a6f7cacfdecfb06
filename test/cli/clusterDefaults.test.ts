import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { rfmCommand } from '../../src/cli/rfmCommand';
import type { AnalysisOptions } from '../../src/core/analysis/analysisOptions';
import { textSource } from '../../src/core/read/byteSource';
import { AnalysisSession, type SegmentationRequest } from '../../src/core/session/session';
import { clusterDefaultsFor } from '../../src/core/analysis/clusterDefaults';
import { defaultOptionsFor } from '../../src/store/optionsSlice';
import { expectedCustomers, rfmStateFor } from '../../src/store/rfmSlice';
import { runCommand } from '../support/runCommand';

let dir: string;
let customers: string;
let orders: string;
const customersCsv = generateCustomersCsv({ rows: 6000, seed: 11, duplicates: 0 });
/** 6,000 order lines of 5,500 customers (one or two orders each, spend varying). */
const ordersCsv =
  'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice\n' +
  Array.from(
    { length: 6000 },
    (_, i) =>
      `${500000 + i},2024-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, '0')},${10000 + (i % 5500)},${1 + (i % 5)},${(1 + (i % 13)) * 1.5}`,
  ).join('\n') +
  '\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-defaults-'));
  customers = join(dir, 'customers.csv');
  orders = join(dir, 'orders.csv');
  await writeFile(customers, customersCsv);
  await writeFile(orders, ordersCsv);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The options of every segmentation the command asks its session for. */
function recordSegmentations(): AnalysisOptions[] {
  const asked: AnalysisOptions[] = [];
  const segmentation = AnalysisSession.prototype.segmentation;
  vi.spyOn(AnalysisSession.prototype, 'segmentation').mockImplementation(function (
    this: AnalysisSession,
    request: SegmentationRequest,
    ...rest
  ) {
    asked.push(request.options);
    return segmentation.call(this, request, ...rest);
  });
  return asked;
}

const clusterPart = (o: AnalysisOptions) => ({
  nInit: o.nInit,
  silhouetteSample: o.silhouetteSample,
});

describe('the command line clusters with the page’s restarts and silhouette sample', () => {
  it('analyze, on a file of 6,000 rows', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'customers.csv', {});
    const page = defaultOptionsFor(session.summary());
    expect(clusterPart(page)).toEqual({ nInit: 3, silhouetteSample: 2000 });
    const asked = recordSegmentations();
    const run = await runCommand(analyzeCommand, [customers, '--k', '2', '--k-max', '2', '--json']);
    expect(run.code).toBe(0);
    expect(asked.map(clusterPart)).toEqual([clusterPart(page)]);
    // A flag still wins.
    asked.length = 0;
    await runCommand(analyzeCommand, [
      customers,
      '--k',
      '2',
      '--k-max',
      '2',
      '--n-init',
      '5',
      '--json',
    ]);
    expect(asked.map(clusterPart)).toEqual([{ nInit: 5, silhouetteSample: 2000 }]);
  }, 60_000);

  it('rfm, on order lines of 5,500 customers', async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const dataset = session.summary();
    const { rfmSettings } = rfmStateFor(dataset);
    const page = {
      ...defaultOptionsFor(dataset),
      ...clusterDefaultsFor(expectedCustomers(dataset, rfmSettings)),
    };
    expect(clusterPart(page)).toEqual({ nInit: 3, silhouetteSample: 2000 });
    const asked = recordSegmentations();
    const run = await runCommand(rfmCommand, [orders, '--k', '2', '--k-max', '2', '--json']);
    expect(run.code).toBe(0);
    expect(asked.map(clusterPart)).toEqual([clusterPart(page)]);
  }, 60_000);
});
