import { describe, expect, it } from 'vitest';
import { ownValue } from '../../../src/core/common/ownValue';

describe('ownValue', () => {
  it("finds a record's own keys, never Object.prototype's members", () => {
    const record: Record<string, string> = JSON.parse('{"__proto__": "numeric", "spend": "text"}');
    expect(ownValue(record, '__proto__')).toBe('numeric');
    expect(ownValue(record, 'spend')).toBe('text');
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'missing'])
      expect(ownValue(record, name)).toBeUndefined();
  });
});
