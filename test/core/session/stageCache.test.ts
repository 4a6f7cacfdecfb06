import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { StageCache, stageKey } from '../../../src/core/session/stageCache';

describe('StageCache', () => {
  it('gives back what was set under a key, and nothing for other keys', () => {
    const cache = new StageCache<number[]>(2);
    const value = [1, 2];
    expect(cache.set('a', value)).toBe(value);
    expect(cache.get('a')).toBe(value);
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps one result by default: a new key evicts the old one', () => {
    const cache = new StageCache<string>();
    cache.set('a', 'first');
    cache.set('b', 'second');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('second');
  });

  it('evicts the result used least recently when full', () => {
    const cache = new StageCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    // Reading a makes b the oldest.
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
  });

  it('replaces the result of a key set again, without taking a second place', () => {
    const cache = new StageCache<string>(2);
    cache.set('a', 'old');
    cache.set('a', 'new');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('new');
    expect(cache.get('b')).toBe('B');
  });

  it('computes a result once per key, keeping null results too', () => {
    const cache = new StageCache<{ id: number } | null>(2);
    let computed = 0;
    const compute = () => ({ id: ++computed });
    const first = cache.obtain('a', compute);
    expect(cache.obtain('a', compute)).toBe(first);
    expect(computed).toBe(1);
    expect(cache.obtain('b', compute)).toEqual({ id: 2 });
    let nulls = 0;
    const none = () => {
      nulls++;
      return null;
    };
    expect(cache.obtain('c', none)).toBeNull();
    expect(cache.obtain('c', none)).toBeNull();
    expect(nulls).toBe(1);
  });

  it('keeps nothing when the computation throws, and tries again next time', () => {
    const cache = new StageCache<number>(1);
    expect(() =>
      cache.obtain('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.obtain('a', () => 5)).toBe(5);
  });

  it('forgets everything when cleared', () => {
    const cache = new StageCache<number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('holds at most its capacity, the most recent ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 30 }),
        (capacity, keys) => {
          const cache = new StageCache<string>(capacity);
          for (const key of keys) cache.obtain(key, () => key.toUpperCase());
          const recent: string[] = [];
          for (let i = keys.length - 1; i >= 0 && recent.length < capacity; i--)
            if (!recent.includes(keys[i])) recent.push(keys[i]);
          for (const key of ['a', 'b', 'c', 'd', 'e', 'f'])
            expect(cache.get(key)).toBe(recent.includes(key) ? key.toUpperCase() : undefined);
        },
      ),
    );
  });
});

describe('stageKey', () => {
  it('is the same for the same values whatever order their properties were written in', () => {
    expect(stageKey({ a: 1, b: { c: 2, d: [3, { e: 4, f: 5 }] } })).toBe(
      stageKey({ b: { d: [3, { f: 5, e: 4 }], c: 2 }, a: 1 }),
    );
    const reordered = Object.fromEntries(Object.entries(DEFAULT_ANALYSIS_OPTIONS).reverse());
    expect(stageKey(reordered, 'x')).toBe(stageKey(DEFAULT_ANALYSIS_OPTIONS, 'x'));
  });

  it('tells apart different values, array orders and parts', () => {
    expect(stageKey({ a: 1 })).not.toBe(stageKey({ a: 2 }));
    expect(stageKey({ a: [1, 2] })).not.toBe(stageKey({ a: [2, 1] }));
    expect(stageKey({ a: null })).not.toBe(stageKey({ a: 0 }));
    expect(stageKey({ a: '1' })).not.toBe(stageKey({ a: 1 }));
    expect(stageKey(1, 2)).not.toBe(stageKey([1, 2]));
    expect(stageKey({ a: 1 }, { b: 2 })).not.toBe(stageKey({ a: 1, b: 2 }));
    expect(stageKey({ ...DEFAULT_ANALYSIS_OPTIONS, k: 3 })).not.toBe(
      stageKey(DEFAULT_ANALYSIS_OPTIONS),
    );
  });

  it('keeps column names, which are user data, apart from the key’s own structure', () => {
    // Names a plain object would treat specially are still just names.
    const kinds = (name: string) => ({
      ...DEFAULT_ANALYSIS_OPTIONS,
      kinds: [{ column: name, kind: 'identifier' }],
    });
    expect(stageKey(kinds('__proto__'))).not.toBe(stageKey(DEFAULT_ANALYSIS_OPTIONS));
    expect(stageKey(kinds('__proto__'))).not.toBe(stageKey(kinds('constructor')));
    expect(stageKey({ ...DEFAULT_ANALYSIS_OPTIONS, features: ['a,b'] })).not.toBe(
      stageKey({ ...DEFAULT_ANALYSIS_OPTIONS, features: ['a', 'b'] }),
    );
  });

  it('is the same for equal option objects built in any property order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())),
        (record) => {
          const reversed = Object.fromEntries(Object.entries(record).reverse());
          expect(stageKey(reversed)).toBe(stageKey(record));
        },
      ),
    );
  });

  // BUG: the key is JSON, which writes NaN and ±Infinity as null, so options that differ only
  // there share a key: a cached segmentation with cutHeight null (cut into k) is given back for
  // cutHeight Infinity (one segment), and eps NaN reuses the suggested-eps DBSCAN. The command
  // line refuses non-finite numbers, so only direct callers of the core can meet this today.
  it.fails('tells apart null, NaN and Infinity', () => {
    expect(stageKey({ cutHeight: Infinity })).not.toBe(stageKey({ cutHeight: null }));
    expect(stageKey({ eps: NaN })).not.toBe(stageKey({ eps: null }));
  });
});
