import { describe, expect, it } from 'vitest';
import { defaultMinSupport } from '../../../src/core/basket/rulesDefaults';

describe('defaultMinSupport', () => {
  it('is 1% of the baskets, but never fewer than 10 baskets, and at most all of them', () => {
    expect(defaultMinSupport(18_532)).toBe(0.01);
    expect(defaultMinSupport(1000)).toBe(0.01);
    expect(defaultMinSupport(389)).toBe(10 / 389);
    expect(defaultMinSupport(10)).toBe(1);
    expect(defaultMinSupport(3)).toBe(1);
    expect(defaultMinSupport(0)).toBe(1);
  });
});
