import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import {
  defaultPredictFeatureNames,
  predictFeatureChoices,
  predictTargets,
} from '../../../src/core/session/predictChoices';
import { campaignCsv } from '../../support/campaign';

const columnsOf = async (csv: string) => inferColumns(await readCsv(textSource(csv)));

describe('the page’s choices for predicting a column', () => {
  it('offers yes/no and category columns as targets, two-valued first, never an identifier', async () => {
    const columns = await columnsOf(campaignCsv(200));
    // response (0/1) and answer (Yes/no) first; then region and tier; not id, age or country.
    expect(predictTargets(columns)).toEqual(['response', 'answer', 'region', 'tier']);
  });

  it('learns from numeric and categorical columns, never the target', async () => {
    const columns = await columnsOf(campaignCsv(200));
    const choices = predictFeatureChoices(columns, 'response');
    expect(choices).not.toContain('response');
    expect(choices).not.toContain('id');
    expect(choices).toEqual(expect.arrayContaining(['age', 'income', 'visits', 'region', 'tier']));
    // By default every usable numeric column but the target, as the command line.
    expect(defaultPredictFeatureNames(columns, 'response')).toEqual(['age', 'income', 'visits']);
  });

  it('offers no target with too many values', async () => {
    const rows = ['score,group'];
    for (let i = 0; i < 60; i++) rows.push(`${i},${i % 2 ? 'a' : 'b'}`);
    expect(predictTargets(await columnsOf(rows.join('\n')))).toEqual(['group']);
  });
});
