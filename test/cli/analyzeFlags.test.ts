import { describe, expect, it } from 'vitest';
import { analysisOptionsFrom } from '../../src/cli/analyzeFlags';
import { isUserError, type UserError } from '../../src/core/common/userError';
import { englishText } from '../../src/i18n/formatMessage';

describe('analysisOptionsFrom --pca', () => {
  it('defaults to auto and takes all, auto or a whole number of components', () => {
    expect(analysisOptionsFrom({}).pcaComponents).toBe('auto');
    expect(analysisOptionsFrom({ pca: 'all' }).pcaComponents).toBe('all');
    expect(analysisOptionsFrom({ pca: 'auto' }).pcaComponents).toBe('auto');
    expect(analysisOptionsFrom({ pca: '12' }).pcaComponents).toBe(12);
  });

  it('refuses anything else in a sentence', () => {
    for (const value of ['0', 'two', '1.5']) {
      let caught: unknown;
      try {
        analysisOptionsFrom({ pca: value });
      } catch (error) {
        caught = error;
      }
      expect(isUserError(caught), value).toBe(true);
    }
  });
});

describe('analysisOptionsFrom --missing-code and --missing-by', () => {
  it('takes repeated COL=N codes and COL=STRATEGY rules, splitting at the last "="', () => {
    const options = analysisOptionsFrom({
      'missing-code': ['pdays=999', 'a=b=-1'],
      'missing-by': ['pdays=median'],
    });
    expect(options.clean.missingCodes).toEqual([
      { column: 'pdays', value: 999 },
      { column: 'a=b', value: -1 },
    ]);
    expect(options.clean.missingByColumn).toEqual([{ column: 'pdays', strategy: 'median' }]);
    expect(analysisOptionsFrom({}).clean.missingCodes).toEqual([]);
  });

  it('refuses a code or a rule it cannot read, in one sentence saying what to write', () => {
    for (const [flag, value] of [
      ['missing-code', 'pdays'],
      ['missing-code', 'pdays=never'],
      ['missing-code', '=999'],
      ['missing-by', 'pdays=zero'],
    ] as const) {
      let caught: unknown;
      try {
        analysisOptionsFrom({ [flag]: [value] });
      } catch (error) {
        caught = error;
      }
      expect(isUserError(caught), value).toBe(true);
      expect(englishText((caught as UserError).sentence)).toContain(`not "${value}"`);
    }
  });
});
