import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import type { RfmQuery } from '../../../src/core/rfm/rfmCustomerTable';
import type { AnalysisSession } from '../../../src/core/session/session';
import { valueColumns } from '../../../src/core/session/valueSession';
import { valueCustomers } from '../../../src/core/session/valueTable';
import { DEFAULT_VALUE_REQUEST, type ValueRequest } from '../../../src/core/session/valueStages';
import { defaultEnglishMap } from '../../support/rfm';
import { ordersRfm } from '../../support/sessionData';
import { heavySpendText, amountRequest, openText } from '../../support/valueOrders';

const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };
const query = (changes: Partial<RfmQuery> = {}): RfmQuery => ({
  sort: 'customer',
  descending: false,
  offset: 0,
  limit: 1_000_000,
  segment: null,
  map: defaultEnglishMap(),
  ...changes,
});

describe('valueCustomers', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await openText(generateTransactionsCsv({ customers: 300, seed: 3 }));
  });

  it("gives every RFM customer's row its value figures, as valueColumns has them", () => {
    const page = valueCustomers(session, request, query());
    const rfm = session.rfmCustomers(ordersRfm, query());
    const columns = valueColumns(session, request);
    expect(page.total).toBe(rfm.total);
    expect(page.rows.map(({ value: _, ...row }) => row)).toEqual(rfm.rows);
    const { customers } = session.rfm(ordersRfm);
    for (const row of page.rows) {
      const i = customers.indexOf(row.customer);
      expect(row.value).toEqual({
        pAlive: columns.pAlive[i],
        expectedPurchases: columns.expectedPurchases[i],
        clv: columns.clv![i],
      });
    }
  });

  it('sorts and pages by P(alive), expected purchases and CLV', () => {
    for (const sort of ['pAlive', 'expectedPurchases', 'clv'] as const) {
      const all = valueCustomers(session, request, query({ sort, descending: true })).rows;
      const figures = all.map((row) => row.value![sort]!);
      expect(figures).toEqual([...figures].sort((a, b) => b - a));
      const second = valueCustomers(
        session,
        request,
        query({ sort, descending: true, offset: 25, limit: 25 }),
      );
      expect(second.rows.map((row) => row.customer)).toEqual(
        all.slice(25, 50).map((row) => row.customer),
      );
    }
  });

  it('follows the request: a longer horizon expects more purchases, in another order cache', () => {
    const short = valueCustomers(session, request, query({ sort: 'expectedPurchases' }));
    const long = valueCustomers(
      session,
      { ...request, horizonDays: 365 },
      query({ sort: 'expectedPurchases' }),
    );
    const sum = (rows: typeof short.rows) =>
      rows.reduce((total, row) => total + row.value!.expectedPurchases, 0);
    expect(sum(long.rows)).toBeGreaterThan(sum(short.rows) * 2);
  });

  it('leaves CLV empty without a spend model, and refuses to sort by it', async () => {
    const heavy = await openText(heavySpendText());
    const spendless = amountRequest();
    const page = valueCustomers(heavy, spendless, query({ sort: 'pAlive' }));
    expect(page.rows.every((row) => row.value?.clv === null)).toBe(true);
    expect(() => valueCustomers(heavy, spendless, query({ sort: 'clv' }))).toThrow(/no clv column/);
  });
});
