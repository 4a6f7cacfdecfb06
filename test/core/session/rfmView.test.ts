import { beforeAll, describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { GRID_CELLS, MEAN_CELLS } from '../../../src/core/rfm/rfmSegments';
import type { RfmView } from '../../../src/core/session/rfmView';
import { AnalysisSession } from '../../../src/core/session/session';
import { ordersCsv, ordersRfm } from '../../support/sessionData';

const ONE_DAY = 86_400_000;
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

// rfmView.ts holds only the RfmView type: these tests build one the way the page gets it and
// check what it promises.
describe('RfmView', () => {
  let session: AnalysisSession;
  let view: RfmView;
  beforeAll(async () => {
    session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    view = session.rfmView(ordersRfm);
  });

  it('counts the customers and every order line, used or left out', () => {
    const rfm = session.rfm(ordersRfm);
    expect(view.settings).toBe(ordersRfm);
    expect(view.customers).toBe(rfm.customers.length);
    expect(view.customers).toBeGreaterThan(100);
    expect(view.rows.read).toBe(session.table.rowCount);
    expect(view.rows.used + sum(Object.values(view.rows.dropped))).toBe(view.rows.read);
  });

  it('puts the snapshot a day after the last order unless one is chosen', async () => {
    expect(view.firstOrder).toBeLessThanOrEqual(view.lastOrder);
    expect(view.defaultSnapshot).toBe(view.lastOrder + ONE_DAY);
    expect(view.snapshot).toBe(view.defaultSnapshot);
    const later = view.lastOrder + 30 * ONE_DAY;
    const chosen = session.rfmView({ ...ordersRfm, snapshot: later });
    expect(chosen.snapshot).toBe(later);
    expect(chosen.defaultSnapshot).toBe(view.defaultSnapshot);
    expect(['dmy', 'mdy', 'ymd']).toContain(view.dateOrder);
  });

  it('totals every cell of each scheme so that they add up to the customers and the revenue', () => {
    const rfm = session.rfm(ordersRfm);
    const sizes = { 'rf-grid': GRID_CELLS, 'rfm-mean': MEAN_CELLS };
    for (const scheme of ['rf-grid', 'rfm-mean'] as const) {
      const cells = view.cells[scheme];
      for (const totals of [cells.count, cells.recency, cells.frequency, cells.monetary])
        expect(totals).toHaveLength(sizes[scheme]);
      expect(sum(cells.count)).toBe(view.customers);
      expect(sum(cells.recency)).toBe(sum(rfm.recency));
      expect(sum(cells.frequency)).toBe(sum(rfm.frequency));
      expect(sum(cells.monetary)).toBeCloseTo(view.revenue, 6);
    }
    expect(view.revenue).toBeCloseTo(sum(rfm.monetary), 6);
    expect(view.revenue).toBeGreaterThan(0);
  });
});
