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

describe('analysisOptionsFrom --fill-value', () => {
  function refusal(values: Parameters<typeof analysisOptionsFrom>[0]): UserError {
    try {
      analysisOptionsFrom(values);
    } catch (error) {
      if (isUserError(error)) return error;
      throw error;
    }
    throw new Error('taken');
  }

  it('is the constant missing values are filled with, 0 unless given', () => {
    expect(analysisOptionsFrom({ missing: 'constant' }).clean.missingConstant).toBe(0);
    for (const [value, number] of [
      ['-1', -1],
      ['2.5', 2.5],
      ['-.5', -0.5],
      ['1e3', 1000],
    ] as const) {
      const options = analysisOptionsFrom({ missing: 'constant', 'fill-value': value });
      expect(options.clean.missingConstant, value).toBe(number);
    }
    const byColumn = analysisOptionsFrom({
      'missing-by': ['body_mass_g=constant'],
      'fill-value': '4000',
    });
    expect(byColumn.clean.missingConstant).toBe(4000);
  });

  it('refuses what is not a number, and a constant nothing is filled with', () => {
    for (const value of ['abc', '', ' ', 'NaN', 'Infinity', '1,5']) {
      const error = refusal({ missing: 'constant', 'fill-value': value });
      expect(error.sentence.key, value).toBe('cliFillValue');
      expect(englishText(error.sentence)).toBe(
        `--fill-value must be a number, such as 0 or -1, not "${value}".`,
      );
    }
    for (const missing of [undefined, 'mean', 'drop']) {
      const error = refusal({ missing, 'fill-value': '3' });
      expect(englishText(error.sentence)).toBe(
        '--fill-value is the number missing values are filled with: add --missing constant, or --missing-by COL=constant.',
      );
    }
  });
});

describe('analysisOptionsFrom --kind', () => {
  it('takes repeated COL=KIND corrections, the last for a column winning', () => {
    const options = analysisOptionsFrom({
      kind: ['spend=numeric', 'id=text', 'spend=categorical'],
    });
    expect(options.kinds).toEqual([
      { column: 'spend', kind: 'categorical' },
      { column: 'id', kind: 'text' },
    ]);
    expect(analysisOptionsFrom({}).kinds).toEqual([]);
  });

  it('refuses a kind it does not know in a sentence', () => {
    let caught: unknown;
    try {
      analysisOptionsFrom({ kind: ['spend=number'] });
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught) && englishText((caught as UserError).sentence)).toMatch(
      /^--kind takes a column and the kind to read it as .*not "spend=number"\.$/,
    );
  });
});
