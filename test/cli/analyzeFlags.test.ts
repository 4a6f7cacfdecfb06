import { describe, expect, it } from 'vitest';
import { analysisOptionsFrom } from '../../src/cli/analyzeFlags';
import { isUserError } from '../../src/core/common/userError';

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
