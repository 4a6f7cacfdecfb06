import { describe, expect, it } from 'vitest';
import { VALUE_FLAGS, valueClusteringFrom, valueOptionsFrom } from '../../src/cli/valueFlags';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { isUserError, type UserError } from '../../src/core/common/userError';
import { DEFAULT_VALUE_REQUEST } from '../../src/core/session/valueSession';
import { MAPPING_FLAGS } from '../../src/cli/mappingFlags';

function userErrorOf(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('valueOptionsFrom', () => {
  it("takes the request's defaults, without a holdout check unless asked", () => {
    expect(valueOptionsFrom({})).toEqual({ ...DEFAULT_VALUE_REQUEST, holdout: 'none' });
  });

  it('reads every flag', () => {
    expect(
      valueOptionsFrom({
        unit: 'weeks',
        'horizon-days': '30.5',
        'horizon-months': '24',
        discount: '0',
        'holdout-from': '2011-09-01',
      }),
    ).toEqual({
      unit: 'weeks',
      horizonDays: 30.5,
      horizonMonths: 24,
      monthlyDiscount: 0,
      holdout: Date.UTC(2011, 8, 1),
    });
    expect(valueOptionsFrom({ 'holdout-from': 'default' }).holdout).toBe('default');
    expect(valueOptionsFrom({ 'holdout-from': '2011-09-01 12:30' }).holdout).toBe(
      Date.UTC(2011, 8, 1, 12, 30),
    );
  });

  it.each([
    [{ unit: 'day' }, 'cliChoice'],
    [{ 'horizon-days': '-1' }, 'cliNumberAtLeast'],
    [{ 'horizon-days': '0' }, 'valueHorizonDays'],
    [{ 'horizon-months': '1201' }, 'cliWholeNumberRange'],
    [{ discount: 'x' }, 'cliNumberAtLeast'],
    [{ discount: '12' }, 'valueDiscount'],
    [{ 'holdout-from': '01/09/2011' }, 'cliHoldoutFrom'],
    [{ 'holdout-from': '' }, 'cliHoldoutFrom'],
  ])('refuses %o', (values, key) => {
    const error = userErrorOf(() => valueOptionsFrom(values));
    expect(error.code).toBe('bad-option');
    expect(error.sentence.key).toBe(key);
  });

  it('declares the mapping flags of every order-lines command', () => {
    for (const name of Object.keys(MAPPING_FLAGS)) expect(VALUE_FLAGS).toHaveProperty(name);
  });
});

describe('valueClusteringFrom', () => {
  it('clusters only when --k asks, as segmentlens rfm --k does', () => {
    expect(valueClusteringFrom({})).toBeNull();
    expect(valueClusteringFrom({ k: '4' })).toEqual({
      clustering: {
        ...DEFAULT_ANALYSIS_OPTIONS,
        k: 4,
        kMax: DEFAULT_ANALYSIS_OPTIONS.kMax,
        seed: 0,
      },
      k: 4,
    });
    expect(valueClusteringFrom({ k: '14', 'n-init': '3', seed: '7' })).toEqual({
      clustering: { ...DEFAULT_ANALYSIS_OPTIONS, k: 14, kMax: 14, nInit: 3, seed: 7 },
      k: 14,
    });
  });

  it('checks --n-init and --seed even without --k', () => {
    expect(userErrorOf(() => valueClusteringFrom({ 'n-init': '0' })).sentence.key).toBe(
      'cliWholeNumberRange',
    );
    expect(userErrorOf(() => valueClusteringFrom({ seed: '-1' })).sentence.key).toBe(
      'cliWholeNumberAtLeast',
    );
  });
});
