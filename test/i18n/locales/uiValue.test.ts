import { describe, expect, it } from 'vitest';
import { formatTemplate } from '../../../src/i18n/formatMessage';
import { uiValue as english } from '../../../src/i18n/locales/en/uiValue';

describe('the customers at risk sentence', () => {
  it('agrees with its count: no customer has, one customer has, two customers have', () => {
    const said = (count: number) =>
      formatTemplate('en', english.value.atRisk.summary, {
        count,
        threshold: '1,911',
        max: '50%',
      });
    expect(said(0)).toBe(
      'No customer whose repeat spend is in the top quarter (at least 1,911) has P(alive) below 50%.',
    );
    expect(said(1)).toMatch(/^1 customer whose .* has P\(alive\)/);
    expect(said(2)).toMatch(/^2 customers whose .* have P\(alive\)/);
  });
});
