import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../../src/core/analysis/analysisOptions';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import type { Stage } from '../../../src/core/common/progress';
import { isUserError } from '../../../src/core/common/userError';
import {
  checkFinite,
  featureChoiceOf,
  prepareFeatures,
  type FeatureChoice,
} from '../../../src/core/features/prepareFeatures';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { message } from '../../../src/core/common/message';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

const choice = (changes: Partial<FeatureChoice> = {}): FeatureChoice => ({
  ...featureChoiceOf(DEFAULT_ANALYSIS_OPTIONS),
  clean: { ...DEFAULT_CLEANING, outliers: 'none' },
  ...changes,
});

const CUSTOMERS =
  'customer_id,age,spend,region,flag\n1,20,10,N,1\n2,30,20,S,1\n3,40,30,N,1\n4,50,40,S,1\n5,60,50,N,1\n';

const prepare = async (text: string, changes: Partial<FeatureChoice> = {}) =>
  prepareFeatures(await readCsv(textSource(text)), choice(changes));

describe('featureChoiceOf', () => {
  it('keeps exactly the options that decide the feature matrix', () => {
    const options: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, k: 4, seed: 3 };
    const picked = featureChoiceOf(options);
    expect(Object.keys(picked).sort()).toEqual(['clean', 'features', 'kinds', 'oneHot', 'scale']);
    expect(picked.clean).toBe(DEFAULT_ANALYSIS_OPTIONS.clean);
  });
});

describe('prepareFeatures', () => {
  it('takes every varied numeric column by default, cleans and scales them', async () => {
    const prepared = await prepare(CUSTOMERS);
    expect(prepared.features.map((f) => f.name)).toEqual(['age', 'spend']);
    expect([prepared.n, prepared.d]).toEqual([5, 2]);
    expect(prepared.kinds).toEqual(['identifier', 'numeric', 'numeric', 'categorical', 'numeric']);
    expect(prepared.scaled.matrix).toHaveLength(10);
    // z-scores: the middle row is the mean.
    expect([prepared.scaled.matrix[4], prepared.scaled.matrix[5]]).toEqual([0, 0]);
    expect(prepared.cleaned.rows).toHaveLength(5);
    // Why a numeric column was not taken, in the column's own words.
    expect(prepared.notes).toEqual([
      message('featureUnusedNote', { column: 'flag', note: message('kindConstant') }),
    ]);
    expect(prepared.notes.map(englishText)).toEqual([
      'flag: Every row has the same value: left out of the features.',
    ]);
    // Chosen features need no such note.
    expect((await prepare(CUSTOMERS, { features: ['age'] })).notes).toEqual([]);
  });

  it('takes the features and one-hot columns asked for', async () => {
    const prepared = await prepare(CUSTOMERS, { features: ['spend'], oneHot: ['region'] });
    expect(prepared.features.map((f) => f.name)).toEqual(['spend', 'region=N', 'region=S']);
    expect(prepared.d).toBe(3);
    const oneHotOnly = await prepare(CUSTOMERS, { features: [], oneHot: ['region'] });
    expect(oneHotOnly.features.map((f) => f.name)).toEqual(['region=N', 'region=S']);
  });

  it('leaves a constant feature out, as scaling does', async () => {
    const prepared = await prepare(CUSTOMERS, {
      features: ['age', 'flag'],
      kinds: [{ column: 'flag', kind: 'numeric' }],
    });
    expect(prepared.features.map((f) => f.name)).toEqual(['age']);
    expect(prepared.scaled.warnings).toEqual([message('scaleConstant', { name: 'flag' })]);
  });

  it('follows corrected kinds: an identifier made numeric becomes a default feature', async () => {
    const prepared = await prepare(CUSTOMERS, {
      kinds: [{ column: 'customer_id', kind: 'numeric' }],
    });
    expect(prepared.features.map((f) => f.name)).toEqual(['customer_id', 'age', 'spend']);
  });

  it('passes on what cleaning says: features left out and notes', async () => {
    const prepared = await prepare('x,y,empty\n1,5,\n2,-4,\n3,9,\n', {
      features: ['x', 'y', 'empty'],
      kinds: [{ column: 'empty', kind: 'numeric' }],
      clean: { ...DEFAULT_CLEANING, outliers: 'none', log1p: ['y'] },
    });
    expect(prepared.notes).toEqual([
      message('featureLeftOut', { column: 'empty', reason: message('featureNoNumbersReason') }),
      message('log1pNegative', { name: 'y' }),
    ]);
    expect(prepared.notes.map(englishText)).toEqual([
      'empty was left out of the features: it has no numbers.',
      'y has negative values, so log(1 + x) was not applied to it.',
    ]);
    expect(prepared.features.map((f) => f.name)).toEqual(['x', 'y']);
  });

  it('uses the column kinds it is given instead of inferring them again', async () => {
    const table = await readCsv(textSource(CUSTOMERS));
    const known = inferColumns(table).map((c) =>
      c.name === 'age' ? { ...c, kind: 'text' as const } : c,
    );
    const stages: Stage[] = [];
    const prepared = prepareFeatures(table, choice(), (stage) => stages.push(stage), known);
    expect(prepared.columns).toBe(known);
    expect(prepared.features.map((f) => f.name)).toEqual(['spend']);
    expect(stages).not.toContain('infer');
    expect(stages).toEqual(expect.arrayContaining(['clean', 'scale']));
    const inferred: Stage[] = [];
    prepareFeatures(table, choice(), (stage) => inferred.push(stage));
    expect(inferred).toContain('infer');
  });

  it('refuses a categorical or other non-numeric column as a numeric feature, saying what to do', async () => {
    const categorical = await prepare(CUSTOMERS, { features: ['region'] }).catch((e) => e);
    expect(categorical).toMatchObject({
      code: 'bad-option',
      sentence: message('featureCategorical', { name: 'region' }),
      message:
        '"region" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it.',
    });
    // Both a numeric feature and one-hot encoded: the sentence says which to drop.
    const both = await prepare(CUSTOMERS, { features: ['region'], oneHot: ['region'] }).catch(
      (e) => e,
    );
    expect(renderMessage('en', both.sentence, 'cli')).toBe(
      '"region" is a categorical column, one-hot encoded already by --one-hot: leave it out of --features.',
    );
    // The command line names its flag instead.
    expect(renderMessage('en', categorical.sentence, 'cli')).toBe(
      '"region" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it with --one-hot.',
    );
    await expect(
      prepare(CUSTOMERS, { features: ['age'], kinds: [{ column: 'age', kind: 'text' }] }),
    ).rejects.toMatchObject({
      code: 'bad-option',
      sentence: message('featureWrongKind', { name: 'age', kind: 'text' }),
      message:
        '"age" is a text column, not a numeric one: choose numeric features, or change its kind to numeric.',
    });
    await expect(prepare(CUSTOMERS, { features: ['nope'] })).rejects.toMatchObject({
      code: 'bad-option',
      message: expect.stringContaining('There is no column named "nope"'),
    });
  });

  // Once a known defect ("is a identifier column"); the catalog now words each kind.
  it('says "an identifier" when an identifier is asked for as a feature', async () => {
    await expect(prepare(CUSTOMERS, { features: ['customer_id'] })).rejects.toMatchObject({
      message: expect.stringContaining('"customer_id" is an identifier column'),
    });
    await expect(
      prepare(CUSTOMERS, { features: ['age'], kinds: [{ column: 'age', kind: 'datetime' }] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('"age" is a date column') });
  });

  it('says why there is nothing to cluster on', async () => {
    await expect(prepare(CUSTOMERS, { features: [] })).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureNoneChosen'),
      message: 'No feature is chosen: tick "use as feature" for at least one numeric column.',
    });
    await expect(prepare('x,y\n1,2\n')).rejects.toMatchObject({
      code: 'too-few-rows',
      sentence: message('featureOneRow'),
      message:
        'This file has only one row of data: segments need at least two customers, one per row.',
    });
    await expect(prepare('x,y\n1,2\n1,2\n1,2\n')).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureAllConstant'),
      message: expect.stringMatching(/^Every numeric column has the same value on every row/),
    });
    await expect(prepare('name,city\nAnn,Paris\nBob,Rome\n')).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureNoNumeric'),
      message: expect.stringMatching(/^This file has no numeric column to cluster on/),
    });
    await expect(
      prepare(CUSTOMERS, { features: ['flag'], kinds: [{ column: 'flag', kind: 'numeric' }] }),
    ).rejects.toMatchObject({
      code: 'no-features',
      sentence: message('featureChosenConstant'),
      message: expect.stringMatching(/^Every chosen feature has the same value on every row/),
    });
  });
});

describe('checkFinite (#20: a numeric library failure reached the user)', () => {
  it('names the column and line of the first value that is not finite', () => {
    const matrix = new Float64Array([1, 2, 3, Infinity, 5, NaN]);
    let thrown: unknown;
    try {
      checkFinite(
        matrix,
        3,
        2,
        (j) => ['a', 'b'][j],
        (i) => i + 2,
      );
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(
      'The value of b on line 3 could not be scaled to a finite number: correct that cell, or leave b out of the features.',
    );
    expect(() => checkFinite(new Float64Array([1, -2]), 1, 2, String, (i) => i)).not.toThrow();
  });
});
