import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { isUserError } from '../../../src/core/common/userError';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { MAX_MODEL_BYTES, modelText, type ModelFile } from '../../../src/core/model/modelFile';
import { parseModel } from '../../../src/core/model/parseModel';
import { restoreOptions } from '../../../src/core/model/modelSettings';
import { defaultSegmentMap } from '../../../src/core/rfm/rfmSegments';
import { ORDER_LINES, ORDER_MAPPING, openText, savedModel } from '../../support/modelFixtures';

let kmeansModel: ModelFile;
let dbscanModel: ModelFile;
let rfmModel: ModelFile;

beforeAll(async () => {
  const customers = await openText(generateCustomersCsv({ rows: 150, seed: 3 }), 'customers.csv');
  kmeansModel = (await savedModel(customers, { oneHot: ['region'] }, null, ['Loyal', null, 'New']))
    .model;
  dbscanModel = (
    await savedModel(customers, {
      algorithm: 'dbscan',
      k: null,
      features: ['age', 'annual_income'],
    })
  ).model;
  const orders = await openText(ORDER_LINES, 'orders.csv');
  rfmModel = (
    await savedModel(
      orders,
      { k: 2, kMax: 2 },
      { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null },
      ['Best'],
      {
        rfmMap: {
          ...defaultSegmentMap('rf-grid'),
          names: ['Top', ...defaultSegmentMap('rf-grid').names.slice(1)],
        },
      },
    )
  ).model;
});

function read(model: unknown): ModelFile {
  const text = typeof model === 'string' ? model : JSON.stringify(model);
  return parseModel(text, new TextEncoder().encode(text).length);
}

/** The sentence a file is refused with, in English. */
function refusal(model: unknown, byteLength?: number): string {
  const text = typeof model === 'string' ? model : JSON.stringify(model);
  try {
    parseModel(text, byteLength ?? text.length);
  } catch (error) {
    if (isUserError(error) && error.code === 'bad-model') return englishText(error.sentence);
    throw error;
  }
  throw new Error('not refused');
}

/** A copy of a model with one change made to its JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tampering writes anything anywhere
function edited(model: ModelFile, change: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(modelText(model));
  change(json);
  return json;
}

describe('parseModel', () => {
  it('reads back exactly what was saved (k-means with one-hot, DBSCAN, RFM)', () => {
    for (const model of [kmeansModel, dbscanModel, rfmModel])
      expect(read(modelText(model))).toEqual(model);
  });

  it('copies the file into new objects: nothing unknown is kept', () => {
    const parsed = read(edited(kmeansModel, (json) => (json.extra = { run: 'code' })));
    expect(parsed).toEqual(kmeansModel);
    expect('extra' in parsed).toBe(false);
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('{"format": "segmentlens-model",')).toBe(
      'This file is not a SegmentLens model (it is not JSON): choose the .json file that Save analysis (or --save-model) wrote.',
    );
    expect(refusal('Age,Income\n1,2\n')).toMatch(/not JSON/);
  });

  it("refuses another app's JSON", () => {
    for (const other of [
      { name: 'segmentlens' },
      [1, 2],
      'a string',
      null,
      { format: 'orange-model' },
    ])
      expect(refusal(JSON.stringify(other))).toBe(
        'This file is JSON but not a SegmentLens model: choose the .json file that Save analysis (or --save-model) wrote.',
      );
  });

  it('refuses a newer major version, and says which', () => {
    const newer = edited(kmeansModel, (json) => {
      json.formatVersion = '2.0';
      json.appVersion = '9.1.0';
    });
    expect(refusal(newer)).toBe(
      'This model was saved by a newer SegmentLens (9.1.0, model format 2.0): update SegmentLens to read it.',
    );
    const minor = edited(kmeansModel, (json) => (json.formatVersion = '1.7'));
    expect(read(minor).formatVersion).toBe('1.7');
    expect(refusal(edited(kmeansModel, (json) => (json.formatVersion = '0.9')))).toMatch(
      /format 0\.9/,
    );
    expect(refusal(edited(kmeansModel, (json) => (json.formatVersion = 'one')))).toMatch(
      /formatVersion is not a version/,
    );
  });

  it('refuses a file over 40 MB before reading it, 100 MB included', () => {
    expect(refusal('{}', 100 * 1024 * 1024)).toBe(
      'This file is 100.0 MB, more than the 40.0 MB a model file can be: choose the .json file SegmentLens saved.',
    );
    expect(refusal('{}', MAX_MODEL_BYTES + 1)).toMatch(/more than the 40\.0 MB/);
  });

  it('refuses a centre of the wrong length', () => {
    const short = edited(kmeansModel, (json) => json.clustering.centres.pop());
    expect(refusal(short)).toMatch(
      /clustering\.centres is not a whole number of centres of \d+ values each/,
    );
  });

  it('refuses more segments than centres, and more centres than segments', () => {
    const more = edited(kmeansModel, (json) =>
      json.segments.push({ ...json.segments[0], id: json.segments.length }),
    );
    expect(refusal(more)).toMatch(/clustering\.centres has 3 centres for 4 segments/);
    const fewer = edited(dbscanModel, (json) => json.segments.pop());
    expect(refusal(fewer)).toMatch(/clustering\.coreSegments\[\d+\] is above|coreSegments/);
  });

  it('refuses NaN, strings and nulls where numbers belong', () => {
    const text = modelText(kmeansModel).replace(/"centres":\[([-\d.e]+)/, '"centres":[NaN');
    expect(refusal(text)).toMatch(/not JSON/);
    expect(refusal(edited(kmeansModel, (json) => (json.clustering.centres[0] = 'NaN')))).toMatch(
      /clustering\.centres\[0\] is not a number/,
    );
    expect(
      refusal(edited(kmeansModel, (json) => (json.preparation.scale.scale[1] = null))),
    ).toMatch(/preparation\.scale\.scale\[1\] is not a number/);
    expect(refusal(edited(kmeansModel, (json) => (json.preparation.scale.scale[1] = 0)))).toMatch(
      /preparation\.scale\.scale\[1\] is below 0/,
    );
    expect(
      refusal(edited(kmeansModel, (json) => (json.preparation.numeric[0].fill = '1'))),
    ).toMatch(/preparation\.numeric\[0\]\.fill is not a number/);
  });

  it('reads the rows in the tree, takes 5,000 from a file saved before they could be chosen, and refuses a limit out of range', () => {
    expect(kmeansModel.settings.options.treeMaxRows).toBe(5000);
    const chosen = read(edited(kmeansModel, (json) => (json.settings.options.treeMaxRows = 8000)));
    expect(chosen.settings.options.treeMaxRows).toBe(8000);
    expect(restoreOptions(chosen.settings.options).treeMaxRows).toBe(8000);
    const older = read(edited(kmeansModel, (json) => delete json.settings.options.treeMaxRows));
    expect('treeMaxRows' in older.settings.options).toBe(false);
    expect(restoreOptions(older.settings.options).treeMaxRows).toBe(5000);
    expect(
      refusal(edited(kmeansModel, (json) => (json.settings.options.treeMaxRows = 20_000))),
    ).toMatch(/settings\.options\.treeMaxRows is outside 100 to 10,000/);
  });

  it('refuses an unknown algorithm', () => {
    expect(
      refusal(edited(kmeansModel, (json) => (json.clustering.algorithm = 'eval("x")'))),
    ).toMatch(/clustering\.algorithm is "eval\("x"\)", not one of kmeans, hierarchical, dbscan/);
  });

  it('refuses parts that disagree with each other', () => {
    expect(refusal(edited(kmeansModel, (json) => (json.settings.k = 5)))).toMatch(/settings\.k/);
    expect(refusal(edited(kmeansModel, (json) => (json.preparation.kept = [0, 0, 1])))).toMatch(
      /kept is out of order/,
    );
    expect(refusal(edited(kmeansModel, (json) => json.preparation.featureNames.pop()))).toMatch(
      /featureNames has/,
    );
    expect(
      refusal(
        edited(kmeansModel, (json) =>
          json.preparation.oneHot[0].categories.push(json.preparation.oneHot[0].categories[0]),
        ),
      ),
    ).toMatch(/repeats/);
    expect(refusal(edited(dbscanModel, (json) => (json.privacy.customerRows = 0)))).toMatch(
      /privacy\.customerRows has 0 values/,
    );
    expect(refusal(edited(rfmModel, (json) => (json.rfm = null)))).toMatch(
      /settings\.rfm disagrees/,
    );
    expect(refusal(edited(rfmModel, (json) => json.rfm.map.cells.pop()))).toMatch(
      /rfm\.map\.cells has 24 values where 25/,
    );
    expect(refusal(edited(rfmModel, (json) => (json.rfm.cuts.recency = [1, 2, 3, 4])))).toMatch(
      /rfm\.cuts\.recency is out of order/,
    );
    expect(refusal(edited(rfmModel, (json) => (json.rfm.mapping.amount = 'Total')))).toMatch(
      /amount column or both/,
    );
    expect(
      refusal(edited(rfmModel, (json) => (json.preparation.numeric[0].column = 'Age'))),
    ).toMatch(/not part of an RFM model/);
  });

  it("refuses labels that are not the app's own", () => {
    expect(
      refusal(edited(kmeansModel, (json) => (json.segments[1].label = { key: 'readTooLarge' }))),
    ).toMatch(/segments\[1\]\.label is not a label SegmentLens writes/);
  });

  it('keeps column names and user texts as values, whatever they say', () => {
    const hostile = edited(kmeansModel, (json) => {
      json.columns[0].name = '__proto__';
      json.segments[0].name = '{{constructor}} */ DROP TABLE x; --';
      json.source.fileName = 'constructor';
    });
    const parsed = read(hostile);
    expect(parsed.columns[0].name).toBe('__proto__');
    expect(Object.getPrototypeOf(parsed.columns[0])).toBe(Object.prototype);
    expect(parsed.segments[0].name).toBe('{{constructor}} */ DROP TABLE x; --');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says every refusal in Chinese too', () => {
    try {
      parseModel('not json', 8);
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(renderMessage('zh', error.sentence)).toMatch(/不是 SegmentLens 模型/);
    }
    try {
      read(edited(kmeansModel, (json) => json.clustering.centres.pop()));
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(renderMessage('zh', error.sentence)).toMatch(
        /clustering\.centres 不能整分为每个 \d+ 个值的中心/,
      );
    }
  });
});
