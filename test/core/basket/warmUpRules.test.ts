import { describe, expect, it } from 'vitest';
import { warmUpRules } from '../../../src/core/basket/warmUpRules';

describe('warmUpRules', () => {
  it('mines its made-up baskets without a problem', () => {
    expect(() => warmUpRules()).not.toThrow();
  });
});
