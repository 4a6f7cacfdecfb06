import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  effectiveKinds,
  type AnalysisOptions,
} from '../../../src/core/analysis/analysisOptions';
import { missingStrategies } from '../../../src/core/clean/cleanOptions';
import type { ModelFile } from '../../../src/core/model/modelFile';
import {
  restoreAnalysis,
  restoreOptions,
  restoreRfmSettings,
  storeOptions,
  storeRfmSettings,
} from '../../../src/core/model/modelSettings';
import type { ColumnSummary } from '../../../src/core/read/inferColumns';
import { RFM_WORDING } from '../../../src/core/rfm/rfmClustering';
import { stageKey } from '../../../src/core/session/stageCache';
import { ORDER_MAPPING } from '../../support/modelFixtures';

const options: AnalysisOptions = {
  ...DEFAULT_ANALYSIS_OPTIONS,
  // Names that are Object properties are data like any other.
  kinds: [
    { column: 'Customer ID', kind: 'identifier' },
    { column: 'constructor', kind: 'categorical' },
    { column: '__proto__x', kind: 'numeric' },
  ],
  features: ['Income', '消费 $'],
  oneHot: ['Gender'],
  clean: {
    ...DEFAULT_ANALYSIS_OPTIONS.clean,
    missing: 'median',
    missingByColumn: [
      { column: 'Income', strategy: 'mean' },
      { column: 'toString', strategy: 'drop' },
    ],
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
    expect(restored.kinds).toEqual(options.kinds);
    expect(restored.clean.missingByColumn).toEqual(options.clean.missingByColumn);
  });

  it('write per-column choices as lists, so a column name is never a key of the file', () => {
    const stored = storeOptions(options);
    expect(stored.kinds).toContainEqual({ column: 'constructor', kind: 'categorical' });
    expect(stored.clean.missingByColumn).toContainEqual({ column: 'toString', strategy: 'drop' });
  });

  it('restore a column called "__proto__" or "constructor" as a column like any other', () => {
    const named = restoreOptions({
      ...storeOptions(options),
      kinds: [
        { column: '__proto__', kind: 'text' },
        { column: 'constructor', kind: 'numeric' },
      ],
    });
    // effectiveKinds reads a column's name and detected kind only.
    const columns = ['__proto__', 'constructor', 'toString'].map(
      (name) => ({ name, kind: 'categorical' }) as ColumnSummary,
    );
    expect(effectiveKinds(columns, named.kinds)).toEqual(['text', 'numeric', 'categorical']);
    // A column named twice in a hand-edited file: its first entry, once.
    const twice = restoreOptions({
      ...storeOptions(options),
      kinds: [
        { column: 'constructor', kind: 'numeric' },
        { column: 'constructor', kind: 'text' },
      ],
    });
    expect(twice.kinds).toEqual([{ column: 'constructor', kind: 'numeric' }]);
    const strategyOf = missingStrategies(named.clean);
    expect(['toString', 'constructor', 'Income'].map(strategyOf)).toEqual([
      'drop',
      'median',
      'mean',
    ]);
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
