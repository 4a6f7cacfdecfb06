import { describe, expect, it } from 'vitest';
import {
  isWorkCancelled,
  throwIfCancelled,
  WorkCancelled,
} from '../../../src/core/classify/cancel';
import { isUserError } from '../../../src/core/common/userError';

describe('throwIfCancelled', () => {
  it('throws WorkCancelled once the check says so, and nothing otherwise', () => {
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    expect(() => throwIfCancelled(() => false)).not.toThrow();
    expect(() => throwIfCancelled(() => true)).toThrow(WorkCancelled);
  });

  it('is told apart from user errors and bugs, across threads too (by its name)', () => {
    const error = new WorkCancelled();
    expect(isWorkCancelled(error)).toBe(true);
    expect(isUserError(error)).toBe(false);
    expect(isWorkCancelled({ name: 'WorkCancelled', message: 'x' })).toBe(true);
    expect(isWorkCancelled(new Error('WorkCancelled'))).toBe(false);
    expect(isWorkCancelled(null)).toBe(false);
  });
});
