import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { defaultSegmentMap, nameSegments } from '../../../src/core/rfm/rfmSegments';
import { customerGroups, segmentGroups } from '../../../src/core/session/recommendGroups';
import { renderMessage } from '../../../src/i18n/formatMessage';
import {
  openOrders,
  openShop,
  ORDERS_ITEMS_RFM,
  RECENCY_MAP,
  SHOP_RFM,
} from '../../support/recommendShop';
import { quickOptions } from '../../support/sessionData';

describe('segmentGroups', () => {
  it('puts each customer in the segment of its cell, and counts them', () => {
    const rfm = {
      cells: { 'rf-grid': Uint8Array.of(0, 24, 12), 'rfm-mean': Uint8Array.of(0, 7, 4) },
    };
    const groups = segmentGroups(rfm, RECENCY_MAP);
    expect(Array.from(groups.groupOf)).toEqual([0, 1, 1]);
    expect(Array.from(groups.sizes)).toEqual([1, 2]);
    expect(groups.names).toEqual(['recent', 'lapsed']);
    const grid = nameSegments(defaultSegmentMap('rf-grid'), (m) => renderMessage('en', m));
    const byGrid = segmentGroups(rfm, grid);
    expect(Array.from(byGrid.groupOf, (g) => grid.names[g])).toEqual([
      'Hibernating',
      'Champions',
      'Need Attention',
    ]);
  });

  it('refuses a map the user left without names or with a cell of no segment', () => {
    const rfm = { cells: { 'rf-grid': Uint8Array.of(0), 'rfm-mean': Uint8Array.of(0) } };
    for (const map of [
      { ...RECENCY_MAP, names: ['recent', ' '] },
      { ...RECENCY_MAP, cells: [0, 0, 0, 0, 1, 1, 1, -1] },
      { ...RECENCY_MAP, cells: [0, 0, 0] },
    ]) {
      let caught: unknown = null;
      try {
        segmentGroups(rfm, map);
      } catch (error) {
        caught = error;
      }
      expect(isUserError(caught) && caught.code).toBe('bad-option');
    }
  });
});

describe('customerGroups', () => {
  it('by named segment, from the session’s RFM of the request', async () => {
    const session = await openShop();
    const groups = await customerGroups(session, SHOP_RFM, { kind: 'rfm', map: RECENCY_MAP });
    const { customers } = session.rfm(SHOP_RFM);
    expect(customers.map((id, c) => [id, groups.groupOf[c]])).toEqual([
      ['w', 1],
      ['x', 0],
      ['y', 1],
      ['z', 0],
    ]);
  });

  it('by cluster, named by the clusters’ labels, with the session’s clustering', async () => {
    const session = await openOrders();
    const clustering = quickOptions({ k: 3 });
    const groups = await customerGroups(session, ORDERS_ITEMS_RFM, {
      kind: 'cluster',
      clustering,
      k: 3,
    });
    const analysis = await session.segmentation({ options: clustering, rfm: ORDERS_ITEMS_RFM });
    const labels = analysis.results.find((r) => r.k === 3)!.profiles.segments;
    expect(groups.names).toEqual(labels.map((segment) => segment.label));
    expect(Array.from(groups.groupOf)).toEqual(
      Array.from(await session.customerClusters(ORDERS_ITEMS_RFM, clustering, 3)),
    );
    expect(Array.from(groups.sizes)).toEqual(labels.map((segment) => segment.size));
  });
});
