import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../../src/core/analysis/analysisOptions';
import type { MissingStrategy } from '../../../src/core/clean/cleanOptions';
import type { ModelFile } from '../../../src/core/model/modelFile';
import {
  restoreAnalysis,
  restoreOptions,
  restoreRfmSettings,
  storeOptions,
  storeRfmSettings,
} from '../../../src/core/model/modelSettings';
import type { ColumnKind } from '../../../src/core/read/inferColumns';
import { RFM_WORDING } from '../../../src/core/rfm/rfmClustering';
import { stageKey } from '../../../src/core/session/stageCache';
import { ORDER_MAPPING } from '../../support/modelFixtures';

const options: AnalysisOptions = {
  ...DEFAULT_ANALYSIS_OPTIONS,
  // Names that are Object properties are data like any other.
  kinds: Object.fromEntries<ColumnKind>([
    ['Customer ID', 'identifier'],
    ['constructor', 'categorical'],
    ['__proto__x', 'numeric'],
  ]),
  features: ['Income', '消费 $'],
  oneHot: ['Gender'],
  clean: {
    ...DEFAULT_ANALYSIS_OPTIONS.clean,
    missing: 'median',
    missingByColumn: Object.fromEntries<MissingStrategy>([
      ['Income', 'mean'],
      ['toString', 'drop'],
    ]),
    log1p: ['Income'],
  },
  wording: RFM_WORDING,
  algorithm: 'dbscan',
  eps: 0.7,
  k: null,
};

describe('storeOptions and restoreOptions', () => {
  it('give back the same options (the same stage key, so the same analysis)', () => {
    const stored = storeOptions(options);
    const restored = restoreOptions(JSON.parse(JSON.stringify(stored)));
    expect(stageKey(restored)).toBe(stageKey(options));
    expect(restored.kinds['Customer ID']).toBe('identifier');
    expect(restored.clean.missingByColumn.Income).toBe('mean');
  });

  it('write per-column choices as lists, so a column name is never a key of the file', () => {
    const stored = storeOptions(options);
    expect(stored.kinds).toContainEqual({ column: 'constructor', kind: 'categorical' });
    expect(stored.clean.missingByColumn).toContainEqual({ column: 'toString', strategy: 'drop' });
  });

  it('restore records without a prototype: a column called "constructor" is only a column', () => {
    const restored = restoreOptions(storeOptions({ ...options, kinds: {} }));
    expect(restored.kinds.constructor).toBeUndefined();
    expect(restored.clean.missingByColumn.hasOwnProperty).toBeUndefined();
    const named = restoreOptions({
      ...storeOptions(options),
      kinds: [{ column: '__proto__', kind: 'text' }],
    });
    expect(Object.getPrototypeOf(named.kinds)).toBeNull();
    expect(named.kinds['__proto__']).toBe('text');
  });
});

describe('RFM settings', () => {
  it('keep the mapping without items (RFM does not read them)', () => {
    const settings = {
      mapping: { ...ORDER_MAPPING, item: 'StockCode' },
      dateOrder: 'dmy' as const,
      snapshot: 5,
    };
    const stored = storeRfmSettings(settings);
    expect(stored.mapping).toEqual({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      order: 'InvoiceNo',
      quantity: 'Quantity',
      price: 'UnitPrice',
      amount: null,
    });
    expect(restoreRfmSettings(stored)).toEqual({ ...settings, mapping: ORDER_MAPPING });
  });
});

describe('restoreAnalysis', () => {
  it('gives the read choice, request, k, names and RFM map of a saved analysis', () => {
    const model = {
      source: {
        fileName: 'f.csv',
        rows: 3,
        read: { encoding: 'gb18030', delimiter: ';', decimal: ',', hasHeader: true },
      },
      settings: {
        options: storeOptions(options),
        rfm: storeRfmSettings({ mapping: ORDER_MAPPING, dateOrder: null, snapshot: null }),
        k: 2,
      },
      segments: [{ name: 'VIP' }, { name: null }],
      rfm: {
        map: {
          scheme: 'rfm-mean',
          names: ['a', { key: 'rfmChampions' }],
          cells: [0, 1, 0, 1, 0, 1, 0, 1],
          sizes: [1, 1],
        },
      },
    } as unknown as ModelFile;
    const restored = restoreAnalysis(model);
    expect(restored.read).toEqual({ encoding: 'gb18030', delimiter: ';', decimal: ',' });
    expect(stageKey(restored.request.options)).toBe(stageKey(options));
    expect(restored.request.rfm).toEqual({
      mapping: ORDER_MAPPING,
      dateOrder: null,
      snapshot: null,
    });
    expect(restored.k).toBe(2);
    expect(restored.names).toEqual(['VIP', null]);
    expect(restored.rfmMap).toEqual({
      scheme: 'rfm-mean',
      names: ['a', { key: 'rfmChampions' }],
      cells: [0, 1, 0, 1, 0, 1, 0, 1],
    });
  });
});
