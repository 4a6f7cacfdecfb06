import { prepareProfiles } from '../../../src/core/profile/profileContext';
import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { profileSegments } from '../../../src/core/profile/profileSegments';
import { readCsv } from '../../../src/core/read/readCsv';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

describe('profileSegments', () => {
  it('describes each segment in original units with z-scores, medians, top categories and a label', async () => {
    const text =
      'income,spend,region\n10,100,North\n12,90,North\n11,,North\n100,5,South\n110,7,South\n90,6,North\n';
    const table = await readCsv(textSource(text));
    const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const context = prepareProfiles({
      table,
      rows,
      numeric: ['income', 'spend'],
      categorical: ['region'],
    });
    const { segments, population } = profileSegments(context, labels);
    expect(population[0]).toMatchObject({ feature: 'income', mean: 333 / 6, median: 51 });
    expect(segments.map((s) => [s.id, s.size, s.share])).toEqual([
      [0, 3, 0.5],
      [1, 3, 0.5],
    ]);
    const low = segments[0];
    expect(low.features[0]).toMatchObject({ feature: 'income', mean: 11, median: 11 });
    expect(low.features[1]).toMatchObject({ feature: 'spend', mean: 95, median: 95 });
    expect(low.features[0].z).toBeCloseTo((11 - 333 / 6) / population[0].std, 12);
    expect(low.topCategories).toEqual([
      { column: 'region', value: 'North', share: 1, populationShare: 4 / 6 },
    ]);
    expect(low.label).toEqual(
      message('labelJoin', {
        first: message('labelHigh', { feature: 'spend' }),
        second: message('labelLow', { feature: 'income' }),
      }),
    );
    expect(englishText(low.label)).toBe('High spend, Low income');
    expect(englishText(segments[1].label)).toBe('High income, Low spend');
  });

  it('keeps labels unique and calls noise Noise', async () => {
    const table = await readCsv(textSource('x\n1\n1\n1\n1\n9\n9\n'));
    const { segments } = profileSegments(
      prepareProfiles({
        table,
        rows: Int32Array.from([0, 1, 2, 3, 4, 5]),
        numeric: ['x'],
        categorical: [],
      }),
      Int32Array.from([0, 0, 1, 1, -1, -1]),
    );
    expect(segments[0].label).toEqual(message('labelNoise'));
    expect(segments.map((s) => englishText(s.label))).toEqual(['Noise', 'Low x', 'Low x (2)']);
  });
});
