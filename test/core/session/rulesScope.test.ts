import { describe, expect, it } from 'vitest';
import { customerMask } from '../../../src/core/basket/baskets';
import { message } from '../../../src/core/common/message';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import {
  defaultSegmentMap,
  nameSegments,
  reassignCell,
  renameSegment,
  type NamedSegmentMap,
} from '../../../src/core/rfm/rfmSegments';
import {
  checkScope,
  scopeCustomers,
  scopeKey,
  scopeName,
  type RulesScope,
} from '../../../src/core/session/rulesScope';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText } from '../../../src/i18n/formatMessage';
import { SHOP_CSV, SHOP_SETTINGS } from '../../support/basketOrders';
import { ordersCsv, ordersRfm, quickOptions } from '../../support/sessionData';

const meanMap = nameSegments(defaultSegmentMap('rfm-mean'), englishText);
const gridMap = nameSegments(defaultSegmentMap('rf-grid'), englishText);

function refusal(work: () => unknown): { code: string; key: string } {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return { code: error.code, key: error.sentence.key };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('checkScope', () => {
  it('accepts the whole file, a segment of the map and a cluster below k', () => {
    expect(() => checkScope({ kind: 'all' })).not.toThrow();
    expect(() => checkScope({ kind: 'rfm', map: meanMap, segment: 7 })).not.toThrow();
    const clustering = quickOptions();
    expect(() => checkScope({ kind: 'cluster', clustering, k: 3, cluster: 2 })).not.toThrow();
  });

  it('refuses a segment the map lacks, and a map the user left unusable', () => {
    for (const segment of [-1, 8, 1.5, NaN])
      expect(refusal(() => checkScope({ kind: 'rfm', map: meanMap, segment }))).toEqual({
        code: 'bad-option',
        key: 'basketsNoSegment',
      });
    const blank: NamedSegmentMap = {
      ...meanMap,
      names: meanMap.names.map((n, s) => (s ? n : ' ')),
    };
    expect(refusal(() => checkScope({ kind: 'rfm', map: blank, segment: 1 })).key).toBe(
      'segmentMapBlank',
    );
    const short: NamedSegmentMap = { ...meanMap, cells: meanMap.cells.slice(1) };
    expect(refusal(() => checkScope({ kind: 'rfm', map: short, segment: 1 })).key).toBe(
      'segmentMapCells',
    );
  });

  it('refuses a cluster outside 0..k-1; k itself comes from a clustering, so a bad k is a bug', () => {
    const clustering = quickOptions();
    for (const cluster of [-1, 3, 0.5])
      expect(refusal(() => checkScope({ kind: 'cluster', clustering, k: 3, cluster }))).toEqual({
        code: 'bad-option',
        key: 'basketsNoCluster',
      });
    expect(() => checkScope({ kind: 'cluster', clustering, k: 0, cluster: 0 })).toThrow(
      /0 clusters/,
    );
  });
});

describe('scopeKey', () => {
  const rfm = (map: NamedSegmentMap, segment: number): RulesScope => ({
    kind: 'rfm',
    map,
    segment,
  });

  it("depends on the segment's cells, not its name", () => {
    const renamed = renameSegment(meanMap, 0, 'Best') as NamedSegmentMap;
    expect(scopeKey(SHOP_SETTINGS, rfm(renamed, 0))).toBe(scopeKey(SHOP_SETTINGS, rfm(meanMap, 0)));
    const moved = reassignCell(meanMap, 7, 0) as NamedSegmentMap;
    expect(scopeKey(SHOP_SETTINGS, rfm(moved, 0))).not.toBe(
      scopeKey(SHOP_SETTINGS, rfm(meanMap, 0)),
    );
    expect(scopeKey(SHOP_SETTINGS, rfm(gridMap, 0))).not.toBe(
      scopeKey(SHOP_SETTINGS, rfm(meanMap, 0)),
    );
  });

  it('over the whole file, depends on the order lines only (not the snapshot)', () => {
    const later = { ...SHOP_SETTINGS, snapshot: Date.UTC(2025, 0, 1) };
    expect(scopeKey(later, { kind: 'all' })).toBe(scopeKey(SHOP_SETTINGS, { kind: 'all' }));
    expect(scopeKey(later, rfm(meanMap, 0))).not.toBe(scopeKey(SHOP_SETTINGS, rfm(meanMap, 0)));
    const noDescription = {
      ...SHOP_SETTINGS,
      mapping: { ...SHOP_SETTINGS.mapping, description: null },
    };
    expect(scopeKey(noDescription, { kind: 'all' })).not.toBe(
      scopeKey(SHOP_SETTINGS, { kind: 'all' }),
    );
  });

  it('tells clusters, ks and clusterings apart', () => {
    const cluster = (k: number, c: number, seed = 0): RulesScope => ({
      kind: 'cluster',
      clustering: quickOptions({ seed }),
      k,
      cluster: c,
    });
    const keys = [cluster(3, 0), cluster(3, 1), cluster(4, 0), cluster(3, 0, 1)].map((s) =>
      scopeKey(SHOP_SETTINGS, s),
    );
    expect(new Set(keys).size).toBe(4);
  });
});

describe('scopeName', () => {
  it('names the whole file and a cluster in messages, and a segment by its name as written', () => {
    expect(scopeName({ kind: 'all' })).toEqual(message('basketsScopeAll'));
    expect(scopeName({ kind: 'rfm', map: meanMap, segment: 7 })).toBe('General win-back customers');
    expect(scopeName({ kind: 'cluster', clustering: quickOptions(), k: 4, cluster: 2 })).toEqual(
      message('basketsScopeCluster', { cluster: 2, k: 4 }),
    );
  });
});

describe('scopeCustomers', () => {
  it("masks a named segment's customers, and nobody is masked for the whole file", async () => {
    const session = await AnalysisSession.open(textSource(SHOP_CSV), 'shop.csv', {});
    expect(await scopeCustomers(session, SHOP_SETTINGS, { kind: 'all' })).toBeNull();
    // r1 and r2 are above the mean in R, F and M; x1..x3 below in all three.
    const regulars = { kind: 'rfm', map: meanMap, segment: 0 } as const;
    expect(Array.from((await scopeCustomers(session, SHOP_SETTINGS, regulars))!)).toEqual([
      1, 1, 0, 0, 0,
    ]);
    const lapsed = { kind: 'rfm', map: meanMap, segment: 7 } as const;
    expect(Array.from((await scopeCustomers(session, SHOP_SETTINGS, lapsed))!)).toEqual([
      0, 0, 1, 1, 1,
    ]);
    // Moving the lapsed cell into segment 0 makes everyone segment 0's.
    const merged = { ...regulars, map: reassignCell(meanMap, 7, 0) as NamedSegmentMap };
    expect(Array.from((await scopeCustomers(session, SHOP_SETTINGS, merged))!)).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it("masks a cluster's customers as the session clusters them", async () => {
    const session = await AnalysisSession.open(textSource(ordersCsv), 'orders.csv', {});
    const clustering = quickOptions({ k: 3 });
    const clusters = await session.customerClusters(ordersRfm, clustering, 3);
    let covered = 0;
    for (let cluster = 0; cluster < 3; cluster++) {
      const mask = await scopeCustomers(session, ordersRfm, {
        kind: 'cluster',
        clustering,
        k: 3,
        cluster,
      });
      expect(Array.from(mask!)).toEqual(Array.from(customerMask(clusters, cluster)));
      covered += mask!.reduce((sum, bit) => sum + bit, 0);
    }
    expect(covered).toBe(session.rfm(ordersRfm).customers.length);
  });
});
