import { describe, expect, it } from 'vitest';
import { entriesByColumn, withEntry } from '../../../src/core/common/columnChoices';

const kinds = [
  { column: '__proto__', kind: 'numeric' },
  { column: 'spend', kind: 'text' },
];

describe('withEntry', () => {
  it('replaces a column entry in place, adds a new one at the end, and removes one', () => {
    const replaced = withEntry(kinds, '__proto__', { column: '__proto__', kind: 'text' });
    expect(replaced).toEqual([
      { column: '__proto__', kind: 'text' },
      { column: 'spend', kind: 'text' },
    ]);
    expect(withEntry(kinds, 'constructor', { column: 'constructor', kind: 'identifier' })).toEqual([
      ...kinds,
      { column: 'constructor', kind: 'identifier' },
    ]);
    expect(withEntry(kinds, 'spend', null)).toEqual([kinds[0]]);
    // The list given is left as it was.
    expect(kinds[0].kind).toBe('numeric');
  });
});

describe('entriesByColumn', () => {
  it('finds entries by any name, and nothing for the names every object has', () => {
    const byColumn = entriesByColumn(kinds);
    expect(byColumn.get('__proto__')?.kind).toBe('numeric');
    for (const name of ['constructor', 'toString', 'hasOwnProperty'])
      expect(byColumn.get(name)).toBeUndefined();
  });
});
