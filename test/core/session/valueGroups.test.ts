import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { isUserError, type UserError } from '../../../src/core/common/userError';
import {
  defaultSegmentMap,
  nameSegments,
  type NamedSegmentMap,
} from '../../../src/core/rfm/rfmSegments';
import type { AnalysisSession } from '../../../src/core/session/session';
import { rfmSegmentOf, valueByGroupView } from '../../../src/core/session/valueGroups';
import { valueColumns } from '../../../src/core/session/valueSession';
import { DEFAULT_VALUE_REQUEST, type ValueRequest } from '../../../src/core/session/valueStages';
import { englishText } from '../../../src/i18n/formatMessage';
import { ordersRfm, quickOptions } from '../../support/sessionData';
import { amountRequest, heavySpendText, openText } from '../../support/valueOrders';

const shopCsv = generateTransactionsCsv({ customers: 600, seed: 3 });
const request: ValueRequest = { ...DEFAULT_VALUE_REQUEST, rfm: ordersRfm };
const gridMap = nameSegments(defaultSegmentMap('rf-grid'), englishText);
const meanMap = nameSegments(defaultSegmentMap('rfm-mean'), englishText);
const clustering = quickOptions({ kMax: 3 });

const total = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

async function userErrorOf(work: () => unknown): Promise<UserError> {
  try {
    await work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('valueByGroupView', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await openText(shopCsv);
  });

  it.each([
    ['rf-grid', gridMap],
    ['rfm-mean', meanMap],
  ] as const)('gives each named segment (%s) its customers, means and share', async (_, map) => {
    const view = await valueByGroupView(session, request, { kind: 'rfm', map });
    const rfm = session.rfm(ordersRfm);
    const columns = valueColumns(session, request);
    const segmentOf = rfmSegmentOf(session, ordersRfm, map);
    expect(view.kind).toBe('rfm');
    expect(view.scheme).toBe(map.scheme);
    expect(view.groups.map((g) => g.name)).toEqual(map.names);
    expect(total(view.groups.map((g) => g.customers))).toBe(rfm.customers.length);
    expect(total(view.groups.map((g) => g.shareOfValue!))).toBeCloseTo(1, 12);
    for (const group of view.groups) {
      const members = Array.from(segmentOf.keys()).filter((i) => segmentOf[i] === group.group);
      expect(group.customers).toBe(members.length);
      if (members.length === 0) {
        expect(group.meanPAlive).toBeNull();
        expect(group.meanClv).toBeNull();
        expect(group.shareOfValue).toBe(0);
        continue;
      }
      const mean = (values: Float64Array) => total(members.map((i) => values[i])) / members.length;
      expect(group.meanPAlive).toBeCloseTo(mean(columns.pAlive), 12);
      expect(group.meanExpectedPurchases).toBeCloseTo(mean(columns.expectedPurchases), 12);
      expect(group.meanClv).toBeCloseTo(mean(columns.clv!), 9);
      expect(group.label).toBeNull();
    }
  });

  it('follows the map the user edited, and refuses one that is not usable', async () => {
    const renamed: NamedSegmentMap = {
      ...gridMap,
      names: gridMap.names.map((name, i) => (i === 0 ? 'Our best' : name)),
    };
    const view = await valueByGroupView(session, request, { kind: 'rfm', map: renamed });
    expect(view.groups[0].name).toBe('Our best');
    const twice = {
      ...gridMap,
      names: gridMap.names.map((n, i) => (i === 1 ? gridMap.names[0] : n)),
    };
    const error = await userErrorOf(() =>
      valueByGroupView(session, request, { kind: 'rfm', map: twice }),
    );
    expect(error.code).toBe('bad-option');
    expect(error.sentence.key).toBe('segmentMapTwice');
  });

  it('gives each cluster of a k-means on RFM its figures and label', async () => {
    const view = await valueByGroupView(session, request, { kind: 'cluster', clustering, k: 3 });
    const clusters = await session.customerClusters(ordersRfm, clustering, 3);
    const analysis = await session.segmentation({ options: clustering, rfm: ordersRfm });
    const segments = resultFor(analysis, 3)!.profiles.segments;
    expect(view.kind).toBe('cluster');
    expect(view.k).toBe(3);
    expect(view.groups).toHaveLength(3);
    for (const group of view.groups) {
      expect(group.customers).toBe(clusters.filter((c) => c === group.group).length);
      expect(group.label).toEqual(segments.find((s) => s.id === group.group)!.label);
      expect(group.name).toBeNull();
    }
    expect(total(view.groups.map((g) => g.shareOfValue!))).toBeCloseTo(1, 12);
    expect(structuredClone(view)).toEqual(view);
    // A clustering not yet computed reports its progress to the hooks.
    const stages = new Set<string>();
    const fresh = await openText(shopCsv);
    await valueByGroupView(
      fresh,
      request,
      { kind: 'cluster', clustering, k: 2 },
      { onProgress: (stage) => stages.add(stage) },
    );
    expect(stages.has('cluster')).toBe(true);
    const missing = await userErrorOf(() =>
      valueByGroupView(session, request, { kind: 'cluster', clustering, k: 9 }),
    );
    expect(missing.sentence.key).toBe('exportNoSegmentation');
  });

  it('leaves CLV and shares out without a spend model', async () => {
    const heavy = await openText(heavySpendText(3));
    const view = await valueByGroupView(heavy, amountRequest(), { kind: 'rfm', map: gridMap });
    expect(view.spendProblem?.key).toBe('valueNoAverageSpend');
    for (const group of view.groups) {
      expect(group.meanClv).toBeNull();
      expect(group.totalClv).toBeNull();
      expect(group.shareOfValue).toBeNull();
    }
    expect(view.groups.some((g) => g.meanPAlive !== null)).toBe(true);
  });
});
