import { describe, expect, it } from 'vitest';
import {
  ALGORITHM_LABELS,
  DEFAULT_ANALYSIS_OPTIONS,
  defaultFeatures,
  effectiveKinds,
  identifiersAndTargetsLeftOut,
} from '../../../src/core/analysis/analysisOptions';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { KMEANS_DEFAULTS } from '../../../src/core/cluster/kmeans/kmeans';
import { DEFAULT_SILHOUETTE_SAMPLE } from '../../../src/core/cluster/quality/silhouette';
import { textSource } from '../../../src/core/read/byteSource';
import {
  inferColumns,
  type ColumnKind,
  type ColumnSummary,
} from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { bankChurnersCsv } from '../../support/realShapes';

/** A column summary with only what these functions read: name, kind, min and max. */
function column(
  name: string,
  kind: ColumnKind,
  min: number | null = 0,
  max: number | null = 1,
): ColumnSummary {
  return {
    name,
    index: 0,
    kind,
    missing: 0,
    unique: 2,
    min,
    mean: null,
    max,
    notNumbers: 0,
    top: [],
    unit: null,
    dateOrder: null,
    dateOrderAmbiguous: false,
    note: null,
    likelyTarget: false,
  };
}

describe('DEFAULT_ANALYSIS_OPTIONS', () => {
  it('segments with k-means on every usable numeric column, z-scored, k from the elbow of 1..10', () => {
    expect(DEFAULT_ANALYSIS_OPTIONS).toEqual({
      kinds: [],
      features: null,
      oneHot: [],
      clean: DEFAULT_CLEANING,
      scale: 'zscore',
      kMax: 10,
      k: null,
      nInit: KMEANS_DEFAULTS.nInit,
      maxIter: KMEANS_DEFAULTS.maxIter,
      seed: KMEANS_DEFAULTS.seed,
      silhouetteSample: DEFAULT_SILHOUETTE_SAMPLE,
      localSearch: true,
      wording: [],
      algorithm: 'kmeans',
      metric: 'euclidean',
      eps: null,
      minPts: 5,
      linkage: 'ward',
      cutHeight: null,
      treeMaxRows: 5000,
      pcaComponents: 'auto',
    });
  });

  it('names each algorithm for the page', () => {
    expect(ALGORITHM_LABELS).toEqual({
      kmeans: 'k-means',
      dbscan: 'DBSCAN',
      hierarchical: 'Hierarchical',
    });
  });
});

describe('effectiveKinds', () => {
  const columns = [
    column('id', 'identifier'),
    column('spend', 'numeric'),
    column('region', 'categorical'),
  ];

  it('gives the detected kinds, column by column', () => {
    expect(effectiveKinds(columns, [])).toEqual(['identifier', 'numeric', 'categorical']);
  });

  it('takes the user corrections by column name, and ignores names the file lacks', () => {
    expect(
      effectiveKinds(columns, [
        { column: 'id', kind: 'numeric' },
        { column: 'region', kind: 'text' },
        { column: 'nope', kind: 'datetime' },
      ]),
    ).toEqual(['numeric', 'numeric', 'text']);
  });

  // `overrides[column.name] ?? column.kind` reads the prototype of the plain object: a column
  // named "constructor" or "toString" gets a function for its kind (and "__proto__" an object),
  // so it is never offered as a feature and naming it as one is refused with "is a function ...
  // column". Column names are user data and should not be plain-object keys (Object.hasOwn or a
  // Map would do).
  it('keeps the detected kind of a column named like an Object property', () => {
    const named = [
      column('constructor', 'numeric'),
      column('toString', 'numeric'),
      column('__proto__', 'numeric'),
    ];
    expect(effectiveKinds(named, [])).toEqual(['numeric', 'numeric', 'numeric']);
  });
});

describe('defaultFeatures', () => {
  it('takes the numeric columns with values that are not all the same', () => {
    const columns = [
      column('id', 'identifier'),
      column('spend', 'numeric', 1, 99),
      column('empty', 'numeric', null, null),
      column('constant', 'numeric', 5, 5),
      column('region', 'categorical', null, null),
      column('visits', 'numeric', 0, 3),
    ];
    expect(defaultFeatures(columns, effectiveKinds(columns, []))).toEqual(['spend', 'visits']);
  });

  it('leaves out columns named like a target or a model output (#18), whatever their kind', async () => {
    const columns = inferColumns(await readCsv(textSource(bankChurnersCsv(200))));
    const kinds = effectiveKinds(columns, []);
    const features = defaultFeatures(columns, kinds);
    expect(features).toEqual([
      'Customer_Age',
      'Dependent_count',
      'Months_on_book',
      'Total_Relationship_Count',
      'Credit_Limit',
      'Total_Trans_Amt',
      'Total_Trans_Ct',
      'Avg_Utilization_Ratio',
    ]);
    // Made numeric by hand, the flag still keeps Attrition_Flag unticked.
    const flag = columns.findIndex((c) => c.name === 'Attrition_Flag');
    expect(
      defaultFeatures(
        columns,
        kinds.map((k, j) => (j === flag ? 'numeric' : k)),
      ),
    ).toEqual(features);
  });

  it('follows the corrected kinds, not the detected ones', () => {
    const columns = [column('zip', 'numeric', 1000, 9999), column('code', 'identifier', 1, 7)];
    expect(defaultFeatures(columns, ['categorical', 'numeric'])).toEqual(['code']);
  });

  it('takes nothing from a file without numbers, and the varied ones from a real file', async () => {
    const table = await readCsv(
      textSource('customer_id,age,spend,country,flag\n1,20,10.5,FR,1\n2,31,99,DE,1\n3,45,7,FR,1\n'),
    );
    const columns = inferColumns(table);
    expect(defaultFeatures(columns, effectiveKinds(columns, []))).toEqual(['age', 'spend']);
    expect(defaultFeatures([column('name', 'text', null, null)], ['text'])).toEqual([]);
  });
});

describe('identifiersAndTargetsLeftOut', () => {
  it('lists identifiers and likely targets not among the features, with their notes', async () => {
    const columns = inferColumns(await readCsv(textSource(bankChurnersCsv(60))));
    const kinds = effectiveKinds(columns, [{ column: 'Customer_Age', kind: 'identifier' }]);
    const features = defaultFeatures(columns, kinds);
    const left = identifiersAndTargetsLeftOut(columns, kinds, features);
    expect(left.map((c) => [c.name, c.kind, c.likelyTarget, c.reason.key])).toEqual([
      ['CLIENTNUM', 'identifier', false, 'kindIdentifierNameAndCodes'],
      ['Attrition_Flag', 'categorical', true, 'kindTarget'],
      ['Customer_Age', 'identifier', false, 'leftOutIdentifierKind'],
      [columns[11].name, 'numeric', true, 'kindTarget'],
      [columns[12].name, 'numeric', true, 'kindTarget'],
    ]);
    // A target the user ticks is not left out.
    expect(
      identifiersAndTargetsLeftOut(columns, kinds, [...features, columns[11].name]).map(
        (c) => c.name,
      ),
    ).not.toContain(columns[11].name);
  });
});
