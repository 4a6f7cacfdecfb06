import { afterEach, describe, expect, it } from 'vitest';
import {
  customersWorkbook,
  transactionsWorkbook,
  writeXlsx,
} from '../../scripts/generators/workbooks';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import type { RfmSettings } from '../../src/core/rfm/rfm';
import * as analysisApi from '../../src/worker/analysisApi';
import { fileRequest } from '../../src/worker/analysisClient';
import { InProcessAnalysisClient } from '../../src/worker/inProcessClient';

const workbook = new Blob([
  new Uint8Array(
    writeXlsx({
      sheets: [...customersWorkbook(30).sheets, ...transactionsWorkbook(20, 'date-cell').sheets],
    }),
  ),
]);

afterEach(() => analysisApi.close());

describe('opening a workbook in the analysis worker', () => {
  it('reads the sheet chosen, and the first one when none is', async () => {
    const first = await analysisApi.open(1, workbook, 'shop.xlsx', {});
    expect(first.ok && first.value).toMatchObject({
      format: 'xlsx',
      sheets: ['Customers', 'Orders'],
      sheet: 'Customers',
    });
    const orders = await analysisApi.open(2, workbook, 'shop.xlsx', { sheet: 'Orders' });
    expect(orders.ok && orders.value.sheet).toBe('Orders');
    const missing = await analysisApi.open(3, workbook, 'shop.xlsx', { sheet: 'Returns' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'bad-option', sentence: { key: 'sheetNotFound' } },
    });
  });

  it('reads the same sheet again when the worker lost the file (a restart)', async () => {
    const client = new InProcessAnalysisClient();
    // The request crosses the thread boundary by structured clone: the sheet must survive it.
    const request = structuredClone(fileRequest(workbook, 'shop.xlsx', { sheet: 'Orders' }));
    const opened = await client.open(request);
    expect(opened.ok && opened.value.sheet).toBe('Orders');
    const mapping = opened.ok ? opened.value.transactions.mapping : null;
    expect(mapping?.customer).toBe('CustomerID');
    const settings: RfmSettings = { mapping: mapping!, dateOrder: null, snapshot: null };
    // As a terminated worker would, the client forgets the file; the next request reopens it.
    client.cancel();
    let reopened = 0;
    const rfm = await client.exportRfmSetAside(request, settings, 'en', () => reopened++);
    expect(reopened).toBe(1);
    // The order lines' columns exist only on the Orders sheet: a reopen of the first sheet would
    // refuse the mapping.
    expect(rfm.ok).toBe(true);
  });
});

describe('saving an analysis in the analysis worker', () => {
  it("names the model file in the page's language", async () => {
    const client = new InProcessAnalysisClient();
    const request = fileRequest(workbook, 'shop.xlsx', {});
    expect((await client.open(request)).ok).toBe(true);
    const segmentation = { options: { ...DEFAULT_ANALYSIS_OPTIONS, k: 2, kMax: 3 }, rfm: null };
    const names = [];
    for (const language of ['en', 'zh'] as const) {
      const saved = await client.saveAnalysis(request, segmentation, 2, [], null, language);
      names.push(saved.ok ? saved.value.fileName : saved);
    }
    expect(names).toEqual(['shop - model.json', 'shop - 模型.json']);
  });
});
