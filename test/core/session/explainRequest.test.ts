import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { checkExplainRequest, EXPLAIN_METHODS } from '../../../src/core/session/explainRequest';
import { explainRowsRequest as request } from '../../support/sessionData';

function sentenceOf(work: () => void): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (isUserError(error) && error.code === 'bad-option') return error.sentence.key;
    throw error;
  }
}

describe('checkExplainRequest', () => {
  it('takes both methods, depths 1 to 6, and a whole number of rows per leaf or none', () => {
    for (const method of EXPLAIN_METHODS)
      for (const depth of [1, 3, 6])
        for (const minRowsPerLeaf of [null, 1, 40])
          expect(
            sentenceOf(() => checkExplainRequest(request({ method, depth, minRowsPerLeaf }))),
          ).toBeNull();
  });

  it('names the part that is wrong, in one sentence', () => {
    expect(sentenceOf(() => checkExplainRequest(request({ method: 'forest' as never })))).toBe(
      'explainMethod',
    );
    for (const depth of [0, 7, 2.5, Number.NaN])
      expect(sentenceOf(() => checkExplainRequest(request({ depth })))).toBe('explainDepth');
    for (const minRowsPerLeaf of [0, -3, 1.5, Number.NaN])
      expect(sentenceOf(() => checkExplainRequest(request({ minRowsPerLeaf })))).toBe(
        'explainMinRowsPerLeaf',
      );
  });
});
