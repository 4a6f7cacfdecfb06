import { describe, expect, it } from 'vitest';
import { entriesByColumn, firstPerColumn, withEntry } from '../../../src/core/common/columnChoices';

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

describe('a column named twice (a hand-edited model file)', () => {
  const twice = [
    { column: 'spend', kind: 'numeric' },
    { column: 'age', kind: 'numeric' },
    { column: 'spend', kind: 'text' },
  ];

  it('takes the first entry wherever it is read or changed', () => {
    expect(entriesByColumn(twice).get('spend')?.kind).toBe('numeric');
    expect(withEntry(twice, 'spend', { column: 'spend', kind: 'identifier' })[0].kind).toBe(
      'identifier',
    );
    expect(firstPerColumn(twice)).toEqual(twice.slice(0, 2));
  });
});
