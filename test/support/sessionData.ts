import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../src/core/analysis/analysisOptions';
import type { RfmSettings } from '../../src/core/rfm/rfm';
import type { ExplainRequest } from '../../src/core/session/explainRequest';
import type { TransactionMapping } from '../../src/core/rfm/transactionMapping';

/** A small customer file (with a few missing cells, outliers and repeated rows), seeded. */
export const customersCsv = generateCustomersCsv({ rows: 400, seed: 3, duplicates: 4 });

/** Order lines in the layout of the UCI online retail export, seeded. */
export const ordersCsv = generateTransactionsCsv({ customers: 120, seed: 5 });

export const ORDERS_MAPPING: TransactionMapping = {
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  amount: null,
};

export const ordersRfm: RfmSettings = { mapping: ORDERS_MAPPING, dateOrder: null, snapshot: null };

/** Options that keep a test's clustering quick: few restarts, few k. */
export function quickOptions(overrides: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 2, kMax: 4, ...overrides };
}

/** Explaining the quick segmentation of the customer rows at k = 3 by a CART tree of depth 3. */
export function explainRowsRequest(overrides: Partial<ExplainRequest> = {}): ExplainRequest {
  return {
    segmentation: { options: quickOptions({ k: 3 }), rfm: null },
    k: 3,
    method: 'tree',
    depth: 3,
    minRowsPerLeaf: null,
    ...overrides,
  };
}
