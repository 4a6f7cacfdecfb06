import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { message, type Message } from '../../../src/core/common/message';
import { defaultSegmentMap, nameSegments } from '../../../src/core/rfm/rfmSegments';
import type { AnalysisSession } from '../../../src/core/session/session';
import {
  AT_RISK_EXPORT_HEADER,
  atRiskExport,
  formatFigure,
  RowParts,
  VALUE_EXPORT_HEADER,
  valueExport,
} from '../../../src/core/session/valueExports';
import {
  atRiskRows,
  DEFAULT_VALUE_REQUEST,
  rfmSegmentOf,
  valueColumns,
  type ValueRequest,
} from '../../../src/core/session/valueSession';
import { historyRows, valueStage } from '../../../src/core/session/valueStages';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { ordersRfm, quickOptions } from '../../support/sessionData';
import { amountRequest, heavySpendText, openText } from '../../support/valueOrders';

const shopCsv = generateTransactionsCsv({ customers: 500, seed: 3 });
const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };
const english = (m: Message) => renderMessage('en', m);
const chinese = (m: Message) => renderMessage('zh', m);
const gridMap = nameSegments(defaultSegmentMap('rf-grid'), english);
const clustering = quickOptions({ kMax: 3 });

/** The CSV's rows as records (BOM and CRLF as written). */
function records(parts: string[]): Record<string, string>[] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Within the 12 significant digits the export keeps. */
function expectFigure(cell: string, value: number) {
  expect(Math.abs(Number(cell) - value)).toBeLessThanOrEqual(1e-11 * Math.abs(value) + 1e-300);
}

describe('valueExport', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await openText(shopCsv, 'orders.csv');
  });

  it("writes one row per RFM customer, in the table's order, with the models' figures", async () => {
    const exported = await valueExport(session, request, { map: gridMap, clusters: null }, english);
    expect(exported.fileName).toBe('orders - customer value.csv');
    expect(exported.parts.join('').split('\r\n')[0]).toBe('\uFEFF' + VALUE_EXPORT_HEADER.join(','));
    const rows = records(exported.parts);
    const rfm = session.rfm(ordersRfm);
    const columns = valueColumns(session, request);
    const { fits } = valueStage(session, request);
    const historyRow = historyRows(fits);
    const segments = rfmSegmentOf(session, ordersRfm, gridMap);
    expect(rows.map((row) => row.customer)).toEqual(rfm.customers);
    rows.forEach((row, customer) => {
      const h = historyRow[customer];
      expect(Number(row.frequency)).toBe(fits.histories.frequency[h]);
      expect(Number(row.recency)).toBe(fits.histories.recency[h]);
      expect(Number(row.T)).toBe(fits.histories.T[h]);
      expectFigure(row.monetary_value, fits.histories.monetary[h]);
      expectFigure(row.p_alive, columns.pAlive[customer]);
      expectFigure(row.expected_purchases, columns.expectedPurchases[customer]);
      expectFigure(row.expected_spend, fits.expectedSpend![h]);
      expectFigure(row.clv, columns.clv![customer]);
      expect(row.rfm_segment).toBe(gridMap.names[segments[customer]]);
      expect(row.cluster).toBe('');
    });
  });

  it('fills the cluster column from a clustering on RFM, and names files in the language', async () => {
    const exported = await valueExport(
      session,
      request,
      { map: nameSegments(defaultSegmentMap('rfm-mean'), chinese), clusters: { clustering, k: 3 } },
      chinese,
    );
    expect(exported.fileName).toBe(`orders - ${chinese(message('exportValueTable'))}.csv`);
    expect(exported.fileName).toBe('orders - 客户价值.csv');
    const clusters = await session.customerClusters(ordersRfm, clustering, 3);
    const rows = records(exported.parts);
    expect(rows.map((row) => Number(row.cluster))).toEqual(Array.from(clusters));
    expect(new Set(rows.map((row) => row.rfm_segment)).has('重要价值客户')).toBe(true);
  });

  it('neutralises a segment name that a spreadsheet would run as a formula', async () => {
    const map = { ...gridMap, names: gridMap.names.map((n) => `=HYPERLINK("x","${n}")`) };
    const rows = records(
      (await valueExport(session, request, { map, clusters: null }, english)).parts,
    );
    expect(rows.every((row) => row.rfm_segment.startsWith(`'=HYPERLINK`))).toBe(true);
  });

  it('leaves expected spend and CLV blank without a spend model', async () => {
    const heavy = await openText(heavySpendText(), 'heavy.csv');
    const rows = records(
      (await valueExport(heavy, amountRequest(), { map: gridMap, clusters: null }, english)).parts,
    );
    expect(rows.length).toBe(heavy.rfm(amountRequest().rfm).customers.length);
    expect(rows.every((row) => row.expected_spend === '' && row.clv === '')).toBe(true);
    expect(rows.every((row) => Number(row.p_alive) > 0 && Number(row.p_alive) <= 1)).toBe(true);
  });
});

describe('atRiskExport', () => {
  it('writes every customer at risk, most value at risk first', async () => {
    const session = await openText(shopCsv, 'orders.csv');
    const exported = atRiskExport(session, request, gridMap, english);
    expect(exported.fileName).toBe('orders - customers at risk.csv');
    expect(exported.parts.join('').split('\r\n')[0]).toBe(
      '\uFEFF' + AT_RISK_EXPORT_HEADER.join(','),
    );
    const rows = records(exported.parts);
    const stage = valueStage(session, request);
    const expected = atRiskRows(stage);
    expect(rows.length).toBe(stage.scores.atRisk.customers.length);
    expect(rows.length).toBeGreaterThan(0);
    const segments = rfmSegmentOf(session, ordersRfm, gridMap);
    const customers = session.rfm(ordersRfm).customers;
    rows.forEach((row, k) => {
      expect(row.customer).toBe(expected[k].customer);
      expectFigure(row.p_alive, expected[k].pAlive);
      expectFigure(row.repeat_spend, expected[k].repeatSpend);
      expectFigure(row.value_at_risk, expected[k].valueAtRisk);
      expectFigure(row.clv, expected[k].clv!);
      expectFigure(row.repeat_spend, Number(row.frequency) * Number(row.monetary_value));
      expect(row.rfm_segment).toBe(gridMap.names[segments[customers.indexOf(row.customer)]]);
    });
  });
});

describe('formatFigure', () => {
  it('keeps 12 significant digits and drops float noise', () => {
    expect(formatFigure(2780.6600000000003)).toBe('2780.66');
    expect(formatFigure(0)).toBe('0');
    expect(formatFigure(1e-20)).toBe('1e-20');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const back = Number(formatFigure(value));
        return Math.abs(back - value) <= 5e-12 * Math.abs(value);
      }),
    );
    // The plain way to write it, which the export does faster.
    const plain = (value: number) => String(Number(value.toPrecision(12)));
    for (const value of [-0, 0.1 + 0.2, 1e-7, 5e-7, 999999999999.5, 123456789012345, 1e21, -42]) {
      expect(formatFigure(value)).toBe(plain(value));
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        return formatFigure(value) === plain(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a figure that is not finite (a bug upstream, never written)', () => {
    expect(() => formatFigure(NaN)).toThrow(/NaN/);
    expect(() => formatFigure(Infinity)).toThrow(/Infinity/);
  });
});

describe('RowParts', () => {
  it('joins rows into parts of about a megabyte, losing and reordering nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300_000 }), { maxLength: 30 }), (sizes) => {
        const writer = new RowParts();
        const rows = sizes.map((size, i) => String.fromCharCode(97 + (i % 26)).repeat(size));
        rows.forEach((row) => writer.write(row));
        const parts = writer.finish();
        expect(parts.join('')).toBe(rows.join(''));
        // Every part but the last reached a megabyte with its last row, and not before.
        parts.slice(0, -1).forEach((part) => expect(part.length).toBeGreaterThanOrEqual(1 << 20));
        expect(parts.every((part) => part.length > 0)).toBe(true);
        expect(parts.every((part) => part.length < (1 << 20) + 300_000)).toBe(true);
      }),
      { numRuns: 30, examples: [[[0]], [[0, 0]], [[1 << 20]]] },
    );
    expect(new RowParts().finish()).toEqual([]);
  });
});
