import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RfmCustomerTable,
  type RfmQuery,
  type RfmSortKey,
  type RfmValueColumns,
  type RfmValueKey,
} from '../../../src/core/rfm/rfmCustomerTable';
import { cellIndex, renameSegment } from '../../../src/core/rfm/rfmSegments';
import { defaultEnglishMap, englishMap, handMadeRfm, meanCells } from '../../support/rfm';

/** Six customers in id order, with ties in every figure. */
const RFM = handMadeRfm([
  { id: 'a', recency: 5, frequency: 3, monetary: 80, r: 4, f: 4, m: 3 },
  { id: 'b', recency: 40, frequency: 1, monetary: 80, r: 2, f: 1, m: 3 },
  { id: 'c', recency: 5, frequency: 9, monetary: 900, r: 4, f: 5, m: 5 },
  { id: 'd', recency: 200, frequency: 1, monetary: 10, r: 1, f: 1, m: 1 },
  { id: 'e', recency: 1, frequency: 3, monetary: 35.5, r: 5, f: 4, m: 2 },
  { id: 'f', recency: 40, frequency: 2, monetary: 80, r: 2, f: 3, m: 3 },
]);

const map = defaultEnglishMap();
const eight = defaultEnglishMap('rfm-mean');

const query = (changes: Partial<RfmQuery> = {}): RfmQuery => ({
  sort: 'customer',
  descending: false,
  offset: 0,
  limit: 100,
  segment: null,
  map,
  ...changes,
});

const ids = (table: RfmCustomerTable, changes: Partial<RfmQuery>) =>
  table.page(query(changes)).rows.map((row) => row.customer);

describe('RfmCustomerTable', () => {
  it('lists every customer with their figures and scores, in id order by default', () => {
    const page = new RfmCustomerTable(RFM).page(query());
    expect(page.total).toBe(6);
    expect(page.offset).toBe(0);
    expect(page.rows.map((row) => row.customer)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(page.rows[4]).toEqual({
      customer: 'e',
      segment: map.names.indexOf('Champions'),
      recency: 1,
      frequency: 3,
      monetary: 35.5,
      r: 5,
      f: 4,
      m: 2,
    });
  });

  it('sorts by each figure and score, ties in id order', () => {
    const table = new RfmCustomerTable(RFM);
    expect(ids(table, { sort: 'recency' })).toEqual(['e', 'a', 'c', 'b', 'f', 'd']);
    expect(ids(table, { sort: 'frequency' })).toEqual(['b', 'd', 'f', 'a', 'e', 'c']);
    expect(ids(table, { sort: 'monetary' })).toEqual(['d', 'e', 'a', 'b', 'f', 'c']);
    expect(ids(table, { sort: 'r' })).toEqual(['d', 'b', 'f', 'a', 'c', 'e']);
    expect(ids(table, { sort: 'f' })).toEqual(['b', 'd', 'f', 'a', 'e', 'c']);
    expect(ids(table, { sort: 'm' })).toEqual(['d', 'e', 'a', 'b', 'f', 'c']);
    // The RFM code: R, then F, then M.
    expect(ids(table, { sort: 'code' })).toEqual(['d', 'b', 'f', 'a', 'c', 'e']);
  });

  it('sorts by segment name under the map it is given', () => {
    const table = new RfmCustomerTable(RFM);
    // a: Loyal Customers (R4 F4), b: Hibernating, c: Loyal Customers, d: Hibernating,
    // e: Champions (R5 F4), f: At Risk (R2 F3).
    expect(ids(table, { sort: 'segment' })).toEqual(['f', 'e', 'b', 'd', 'a', 'c']);
    const loyal = map.names.indexOf('Loyal Customers');
    const renamed = englishMap(renameSegment(map, loyal, 'Aardvarks'));
    expect(ids(table, { sort: 'segment', map: renamed })).toEqual(['a', 'c', 'f', 'e', 'b', 'd']);
    // The order under the first map is still its own.
    expect(ids(table, { sort: 'segment' })).toEqual(['f', 'e', 'b', 'd', 'a', 'c']);
  });

  it('gives each row its segment, and sorts and filters under the eight-segment map', () => {
    // Means: recency 48.5 days, frequency 3.17 orders, monetary 197.58.
    const table = new RfmCustomerTable(RFM);
    const rows = table.page(query({ map: eight })).rows;
    expect(rows.map((row) => eight.names[row.segment])).toEqual([
      'General development customers',
      'General development customers',
      'Important value customers',
      'General win-back customers',
      'General development customers',
      'General development customers',
    ]);
    const development = eight.names.indexOf('General development customers');
    expect(ids(table, { map: eight, segment: development, sort: 'monetary' })).toEqual([
      'e',
      'a',
      'b',
      'f',
    ]);
    expect(ids(table, { map: eight, sort: 'segment' })).toEqual(['a', 'b', 'e', 'f', 'd', 'c']);
    const gridRows = table.page(query()).rows;
    expect(gridRows.map((row) => map.names[row.segment])).toEqual([
      'Loyal Customers',
      'Hibernating',
      'Loyal Customers',
      'Hibernating',
      'Champions',
      'At Risk',
    ]);
  });

  it('sorts descending from the largest value', () => {
    const table = new RfmCustomerTable(RFM);
    expect(ids(table, { sort: 'customer', descending: true })).toEqual([
      'f',
      'e',
      'd',
      'c',
      'b',
      'a',
    ]);
    const byMoney = table.page(query({ sort: 'monetary', descending: true })).rows;
    expect(byMoney.map((row) => row.monetary)).toEqual([900, 80, 80, 80, 35.5, 10]);
  });

  it('filters to one named segment under the map, before paging', () => {
    const table = new RfmCustomerTable(RFM);
    const hibernating = map.names.indexOf('Hibernating');
    const page = table.page(query({ segment: hibernating, sort: 'monetary' }));
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.customer)).toEqual(['d', 'b']);
    const empty = table.page(query({ segment: map.names.indexOf('Promising') }));
    expect(empty).toEqual({ total: 0, offset: 0, rows: [] });
  });

  it('pages: offset and limit, a page beyond the end shows the last customer', () => {
    const table = new RfmCustomerTable(RFM);
    expect(table.page(query({ offset: 2, limit: 3 })).rows.map((r) => r.customer)).toEqual([
      'c',
      'd',
      'e',
    ]);
    expect(table.page(query({ offset: 4, limit: 10 })).rows.map((r) => r.customer)).toEqual([
      'e',
      'f',
    ]);
    const beyond = table.page(query({ offset: 50, limit: 3 }));
    expect([beyond.total, beyond.offset, beyond.rows.map((r) => r.customer)]).toEqual([
      6,
      5,
      ['f'],
    ]);
    expect(table.page(query({ offset: -3, limit: 1 })).offset).toBe(0);
    expect(table.page(query({ limit: 0 })).rows).toEqual([]);
    const descending = table.page(query({ offset: 1, limit: 2, descending: true }));
    expect(descending.rows.map((r) => r.customer)).toEqual(['e', 'd']);
  });

  it('gives an empty page for no customers', () => {
    expect(new RfmCustomerTable(handMadeRfm([])).page(query())).toEqual({
      total: 0,
      offset: 0,
      rows: [],
    });
  });

  it('pages through every matching customer once, sorted by the key, for any query', () => {
    const keys: Exclude<RfmSortKey, RfmValueKey>[] = [
      'customer',
      'recency',
      'frequency',
      'monetary',
      'r',
      'f',
      'm',
      'code',
      'segment',
    ];
    const customer = fc.record({
      recency: fc.integer({ min: 0, max: 5 }),
      frequency: fc.integer({ min: 1, max: 4 }),
      monetary: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(customer, { maxLength: 30 }),
        fc.constantFrom(...keys),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 0, max: 9 })),
        fc.constantFrom(map, eight),
        (list, sort, descending, limit, segment, segmentMap) => {
          const rfm = handMadeRfm(
            list.map((c, i) => ({ id: `c${String(i).padStart(2, '0')}`, ...c })),
          );
          const table = new RfmCustomerTable(rfm);
          const mean = meanCells(rfm.recency, rfm.frequency, rfm.monetary);
          const seen: string[] = [];
          let total = -1;
          for (let offset = 0; total === -1 || offset < total; offset += limit) {
            const page = table.page(
              query({ sort, descending, limit, offset, segment, map: segmentMap }),
            );
            total = page.total;
            if (total === 0) break;
            for (const row of page.rows) {
              seen.push(row.customer);
              expect(row.segment).toBe(segmentOf(rfm.customers.indexOf(row.customer)));
            }
          }
          function segmentOf(i: number) {
            return segmentMap.scheme === 'rf-grid'
              ? segmentMap.cells[cellIndex(rfm.r[i], rfm.f[i])]
              : segmentMap.cells[mean[i]];
          }
          const members = rfm.customers.filter(
            (_, i) => segment === null || segmentOf(i) === segment,
          );
          expect([...seen].sort()).toEqual([...members].sort());
          const keyOf = (id: string) => {
            const i = rfm.customers.indexOf(id);
            if (sort === 'customer') return i;
            if (sort === 'segment') return segmentMap.names[segmentOf(i)];
            if (sort === 'code') return rfm.r[i] * 100 + rfm.f[i] * 10 + rfm.m[i];
            return rfm[sort][i];
          };
          for (let p = 1; p < seen.length; p++) {
            const [before, after] = [keyOf(seen[p - 1]), keyOf(seen[p])];
            if (descending) expect(before >= after).toBe(true);
            else expect(before <= after).toBe(true);
            // Ascending, ties keep id order.
            if (!descending && before === after) expect(seen[p - 1] < seen[p]).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  describe('with value columns', () => {
    // P(alive), expected purchases and CLV of a..f, with ties on P(alive).
    const value: RfmValueColumns = {
      pAlive: Float64Array.from([0.9, 0.2, 0.9, 0.05, 0.6, 0.2]),
      expectedPurchases: Float64Array.from([1.5, 0.1, 3, 0, 0.8, 0.3]),
      clv: Float64Array.from([300, 10, 900, 0, 120, 40]),
    };
    const table = new RfmCustomerTable(RFM);
    const page = (changes: Partial<RfmQuery>, columns: RfmValueColumns = value) =>
      table.page(query(changes), columns);

    it("adds each customer's P(alive), expected purchases and CLV to its row", () => {
      const rows = page({}).rows;
      expect(rows.map((row) => row.value)).toEqual([
        { pAlive: 0.9, expectedPurchases: 1.5, clv: 300 },
        { pAlive: 0.2, expectedPurchases: 0.1, clv: 10 },
        { pAlive: 0.9, expectedPurchases: 3, clv: 900 },
        { pAlive: 0.05, expectedPurchases: 0, clv: 0 },
        { pAlive: 0.6, expectedPurchases: 0.8, clv: 120 },
        { pAlive: 0.2, expectedPurchases: 0.3, clv: 40 },
      ]);
      // Without value columns the rows stay as they were.
      expect(table.page(query()).rows[0]).not.toHaveProperty('value');
    });

    it('sorts by each value column, ties by customer id, and pages and filters as before', () => {
      expect(page({ sort: 'pAlive' }).rows.map((row) => row.customer)).toEqual([
        'd',
        'b',
        'f',
        'e',
        'a',
        'c',
      ]);
      expect(
        page({ sort: 'expectedPurchases', descending: true }).rows.map((row) => row.customer),
      ).toEqual(['c', 'a', 'e', 'f', 'b', 'd']);
      const second = page({ sort: 'clv', descending: true, offset: 2, limit: 2 });
      expect(second.total).toBe(6);
      expect(second.rows.map((row) => row.customer)).toEqual(['e', 'f']);
      const segment = page({ segment: 0 }).rows[0].segment;
      const filtered = page({ sort: 'clv', descending: true, segment });
      expect(filtered.rows.every((row) => row.segment === segment)).toBe(true);
      const clvs = filtered.rows.map((row) => row.value?.clv ?? NaN);
      expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    });

    it('sorts by the columns it is given, not by those of an earlier request', () => {
      expect(page({ sort: 'clv' }).rows[0].customer).toBe('d');
      const other = { ...value, clv: Float64Array.from([5, 4, 3, 2, 1, 0]) };
      expect(page({ sort: 'clv' }, other).rows[0].customer).toBe('f');
    });

    it('refuses to sort by value without value columns, or by CLV without a spend model', () => {
      expect(() => table.page(query({ sort: 'pAlive' }))).toThrow(/no pAlive column/);
      expect(() => page({ sort: 'clv' }, { ...value, clv: null })).toThrow(/no clv column/);
      expect(page({ sort: 'pAlive' }, { ...value, clv: null }).rows[0].value?.clv).toBeNull();
    });
  });
});
