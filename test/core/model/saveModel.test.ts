import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { isUserError } from '../../../src/core/common/userError';
import { message } from '../../../src/core/common/message';
import { APP_VERSION } from '../../../src/core/model/appVersion';
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  PRIVACY_NOTE_NONE,
} from '../../../src/core/model/modelFile';
import { scoreCuts } from '../../../src/core/model/rfmCuts';
import { saveModel } from '../../../src/core/model/saveModel';
import { defaultSegmentMap } from '../../../src/core/rfm/rfmSegments';
import { ORDER_LINES, ORDER_MAPPING, openText, savedModel } from '../../support/modelFixtures';

const SMALL = [
  'id,a,b,g',
  '1,1,10,x',
  '2,2,,y',
  '3,3,30,x',
  '4,,40,x',
  '5,5,50,y',
  '6,100,60,z',
].join('\n');

describe('saveModel', () => {
  it('records every cleaning step as fitted: fills, log1p, one-hot categories, scaling', async () => {
    const session = await openText(SMALL, 'folder/small.csv');
    const { model, analysis } = await savedModel(
      session,
      {
        features: ['a', 'b'],
        oneHot: ['g'],
        clean: {
          ...DEFAULT_CLEANING,
          missing: 'mean',
          missingByColumn: [{ column: 'a', strategy: 'drop' }],
          outliers: 'none',
          log1p: ['b'],
          duplicates: 'keep',
        },
        k: 2,
        kMax: 2,
      },
      null,
      ['  Big ones ', '   '],
    );
    expect(model.format).toBe(MODEL_FORMAT);
    expect(model.formatVersion).toBe(MODEL_FORMAT_VERSION);
    expect(model.appVersion).toBe(APP_VERSION);
    expect(model.savedAt).toBe(0);
    expect(model.privacy).toEqual({ customerRows: 0, note: PRIVACY_NOTE_NONE });
    expect(model.source).toEqual({
      fileName: 'small.csv',
      rows: 6,
      read: { encoding: 'utf-8', delimiter: ',', decimal: '.', hasHeader: true },
    });
    expect(model.columns).toEqual([
      { name: 'a', kind: 'numeric' },
      { name: 'b', kind: 'numeric' },
      { name: 'g', kind: 'categorical' },
    ]);
    const { preparation } = model;
    expect(preparation.numeric).toEqual([
      { column: 'a', fill: null, log1p: false, clip: null, dropOutside: null },
      // The mean of b on the rows kept (the row missing a is set aside first): (10+30+50+60)/4.
      { column: 'b', fill: 37.5, log1p: true, clip: null, dropOutside: null },
    ]);
    expect(preparation.oneHot).toEqual([{ column: 'g', categories: ['x', 'y', 'z'], fill: 0 }]);
    expect(preparation.kept).toEqual([0, 1, 2, 3, 4]);
    expect(preparation.featureNames).toEqual(['a', 'log1p(b)', 'g=x', 'g=y', 'g=z']);
    expect(preparation.scale.method).toBe('zscore');
    expect(preparation.scale.center[0]).toBeCloseTo((1 + 2 + 3 + 5 + 100) / 5, 12);
    expect(preparation.scale.center).toEqual(Array.from(analysis.scaling.center));
    expect(preparation.scale.scale).toEqual(Array.from(analysis.scaling.scale));
    expect(preparation.pca).toBeNull();
    expect(model.clustering.algorithm).toBe('kmeans');
    expect(model.segments.map((s) => s.name)).toEqual(['Big ones', null]);
    expect(model.segments.map((s) => s.size)).toEqual(Array.from(analysis.results[1].sizes));
    expect(model.segments[0].share).toBeCloseTo(model.segments[0].size / 5, 15);
    expect(model.settings.k).toBe(2);
    expect(model.rfm).toBeNull();
  });

  it('records the fill a strategy would use even when nothing was missing', async () => {
    const session = await openText(['a,b', '1,5', '2,1', '9,3', '4,2'].join('\n'));
    const { model } = await savedModel(session, {
      features: ['a', 'b'],
      clean: {
        ...DEFAULT_CLEANING,
        missing: 'median',
        missingByColumn: [{ column: 'b', strategy: 'constant' }],
        missingConstant: -1,
        outliers: 'none',
      },
      k: 2,
      kMax: 2,
    });
    expect(model.preparation.numeric.map((s) => s.fill)).toEqual([3, -1]);
  });

  it('records clip limits, and the limits rows were set aside beyond', async () => {
    const values = Array.from({ length: 30 }, (_, i) => `${i % 5},${(i * 7) % 11}`);
    const text = ['a,b', ...values, '1000,3'].join('\n');
    const clipped = await savedModel(await openText(text), {
      clean: { ...DEFAULT_CLEANING, outliers: 'zscore', outlierAction: 'clip', zThreshold: 2 },
    });
    const [a] = clipped.model.preparation.numeric;
    const report = clipped.analysis.cleaning.clipped.find((c) => c.column === 'a')!;
    expect(a.clip).toEqual([report.low, report.high]);
    expect(a.dropOutside).toBeNull();
    const dropped = await savedModel(await openText(text), {
      clean: { ...DEFAULT_CLEANING, outliers: 'zscore', outlierAction: 'drop', zThreshold: 2 },
    });
    const [da] = dropped.model.preparation.numeric;
    expect(da.clip).toBeNull();
    // Rows are set aside beyond the limits themselves; clipping never goes beyond the values' own
    // range (the low limit, below every value, is the minimum, 0).
    expect(a.clip![0]).toBe(0);
    expect(da.dropOutside![0]).toBeLessThan(0);
    expect(da.dropOutside![1]).toBe(a.clip![1]);
    expect(dropped.analysis.cleaning.dropped.outlier).toBe(1);
  });

  it('keeps DBSCAN core rows in the order their clusters were found, with their segments', async () => {
    // Cluster A (5 rows, found first) and cluster B (8 rows, the larger: segment 0).
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => `${i * 0.01},0`),
      ...Array.from({ length: 8 }, (_, i) => `${10 + i * 0.01},10`),
      '50,50',
    ];
    const session = await openText(['x,y', ...rows].join('\n'));
    const { model, analysis } = await savedModel(session, {
      algorithm: 'dbscan',
      eps: 0.5,
      minPts: 3,
      k: null,
      clean: { ...DEFAULT_CLEANING, outliers: 'none' },
    });
    expect(analysis.k).toBe(2);
    const clustering = model.clustering;
    if (clustering.algorithm !== 'dbscan') throw new Error('not DBSCAN');
    expect(clustering.coreSegments).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(clustering.cores).toHaveLength(13 * 2);
    expect(clustering.noise).toBe(1);
    expect(clustering.eps).toBe(0.5);
    expect(model.privacy.customerRows).toBe(13);
    expect(model.privacy.note).toMatch(/core rows/);
  });

  it('saves the distance a hierarchical tree was built with (Euclidean for Ward)', async () => {
    const session = await openText(['x,y', '0,0', '0,1', '5,5', '5,6', '9,0', '9,1'].join('\n'));
    const ward = await savedModel(session, {
      algorithm: 'hierarchical',
      linkage: 'ward',
      metric: 'manhattan',
      clean: { ...DEFAULT_CLEANING, outliers: 'none' },
    });
    expect(ward.model.clustering).toMatchObject({
      algorithm: 'hierarchical',
      linkage: 'ward',
      metric: 'euclidean',
    });
    const average = await savedModel(session, {
      algorithm: 'hierarchical',
      linkage: 'average',
      metric: 'manhattan',
      clean: { ...DEFAULT_CLEANING, outliers: 'none' },
    });
    expect(average.model.clustering).toMatchObject({ linkage: 'average', metric: 'manhattan' });
    expect(
      average.model.clustering.algorithm === 'hierarchical' && average.model.clustering.centres,
    ).toHaveLength(6);
  });

  it('saves the RFM rules: mapping, date order, snapshot rule, cut points, means and the map', async () => {
    const session = await openText(ORDER_LINES, 'orders.csv');
    const settings = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, settings, [], {
      rfmMap: defaultSegmentMap('rfm-mean'),
    });
    const { rfm } = session.linesAndRfm(settings);
    const saved = model.rfm!;
    expect(saved.mapping).toEqual({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      order: 'InvoiceNo',
      quantity: 'Quantity',
      price: 'UnitPrice',
      amount: null,
    });
    expect(saved.dateOrder).toBe('ymd');
    expect(saved.snapshot).toEqual({ rule: 'after-last-order' });
    expect(saved.customers).toBe(5);
    expect(saved.cuts.recency).toEqual(scoreCuts(rfm.recency, false));
    expect(saved.cuts.monetary).toEqual(scoreCuts(rfm.monetary, true));
    expect(saved.means.frequency).toBe(Array.from(rfm.frequency).reduce((a, b) => a + b) / 5);
    expect(saved.map.scheme).toBe('rfm-mean');
    expect(saved.map.names).toEqual(defaultSegmentMap('rfm-mean').names);
    expect(saved.map.sizes.reduce((a, b) => a + b)).toBe(5);
    expect(model.columns.map((c) => c.name)).toEqual([
      'CustomerID',
      'InvoiceDate',
      'InvoiceNo',
      'Quantity',
      'UnitPrice',
    ]);
    expect(model.preparation.numeric.map((s) => [s.column, s.log1p])).toEqual([
      ['recency', false],
      ['frequency', true],
      ['monetary', true],
    ]);
    const fixed = await savedModel(
      session,
      { k: 2, kMax: 2 },
      { ...settings, snapshot: Date.UTC(2024, 1, 1) },
    );
    expect(fixed.model.rfm!.snapshot).toEqual({ rule: 'fixed', at: Date.UTC(2024, 1, 1) });
  });

  it('refuses to save an RFM model without money, in a sentence', async () => {
    const session = await openText(ORDER_LINES, 'orders.csv');
    const settings = {
      mapping: { ...ORDER_MAPPING, quantity: null, price: null, amount: null },
      dateOrder: null,
      snapshot: null,
    };
    const error = await savedModel(session, { k: 2, kMax: 2 }, settings).catch((e: unknown) => e);
    expect(isUserError(error) && error.sentence).toEqual(message('rfmModelNeedsMoney'));
  });

  it('refuses a k the analysis did not compute', async () => {
    const session = await openText(SMALL);
    const request = {
      options: {
        ...(await savedModel(session, { features: ['a', 'b'], k: 2, kMax: 2 })).request.options,
      },
      rfm: null,
    };
    const error = await saveModel(session, request, 7, []).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
  });
});

const ROWS = ['1,10', '2,', ',30', '4,40', '5,50', '6,60'];

async function fills(header: string, missing: 'mean' | 'drop'): Promise<(number | null)[]> {
  const session = await openText([header, ...ROWS].join('\n'), 'names.csv');
  const { model } = await savedModel(
    session,
    { clean: { ...DEFAULT_CLEANING, missing, outliers: 'none' }, k: 2, kMax: 2 },
    null,
    [],
  );
  return model.preparation.numeric.map((step) => step.fill);
}

describe('saveModel with column names that are also members of every object', () => {
  it.each(['mean', 'drop'] as const)(
    'treats `constructor` and `toString` as any other column (missing: %s)',
    async (missing) => {
      const plain = await fills('a,b', missing);
      expect(plain.every((fill) => (fill === null) === (missing === 'drop'))).toBe(true);
      expect(await fills('constructor,toString', missing)).toEqual(plain);
      expect(await fills('__proto__,hasOwnProperty', missing)).toEqual(plain);
    },
  );
});
