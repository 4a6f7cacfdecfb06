import { describe, expect, it } from 'vitest';
import { englishText } from '../../../src/i18n/formatMessage';
import { isUserError } from '../../../src/core/common/userError';
import {
  choice,
  distinct,
  field,
  group,
  list,
  nullable,
  number,
  numbers,
  text,
  whole,
  yesNo,
} from '../../../src/core/model/modelReader';

/** The sentence a read refuses with (and that it is a model refusal). */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (isUserError(error) && error.code === 'bad-model') return englishText(error.sentence);
    throw error;
  }
  throw new Error('not refused');
}

describe('modelReader', () => {
  it('reads values of the right type and range', () => {
    expect(group({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(field({ a: 1 }, 'a', 'x')).toBe(1);
    expect(text('hi', 'x')).toBe('hi');
    expect(number(-1.5, 'x')).toBe(-1.5);
    expect(whole(3, 'x', 0, 3)).toBe(3);
    expect(yesNo(false, 'x')).toBe(false);
    expect(choice('b', 'x', ['a', 'b'])).toBe('b');
    expect(numbers([1, 2], 'x', 2)).toEqual([1, 2]);
    expect(nullable(null, () => 1)).toBeNull();
    expect(list([1, 2], 'x', 5, (v) => Number(v) * 2)).toEqual([2, 4]);
  });

  it('refuses each wrong value in one sentence naming where it is', () => {
    expect(refusal(() => group([], 'preparation'))).toBe(
      'This model file was changed or damaged (preparation is not a group of fields): save the analysis again and use the new file.',
    );
    expect(refusal(() => field({}, 'centres', 'clustering'))).toContain(
      'clustering.centres is missing',
    );
    expect(refusal(() => number('1', 'eps'))).toContain('eps is not a number');
    expect(refusal(() => number(5, 'share', 0, 1))).toContain('share is outside 0 to 1');
    expect(refusal(() => whole(1.5, 'k'))).toContain('k is not a whole number');
    expect(refusal(() => whole(-1, 'k'))).toContain('k is below 0');
    expect(refusal(() => text(3, 'name'))).toContain('name is not a text');
    expect(refusal(() => text('x'.repeat(11), 'name', 10))).toContain('longer than 10 characters');
    expect(refusal(() => text('  ', 'name', 10, false))).toContain('name is empty');
    expect(refusal(() => yesNo('true', 'log1p'))).toContain('log1p is not true or false');
    expect(refusal(() => choice('spectral', 'algorithm', ['kmeans', 'dbscan']))).toContain(
      'algorithm is "spectral", not one of kmeans, dbscan',
    );
    expect(refusal(() => list({}, 'segments', 3, (v) => v))).toContain('segments is not a list');
    expect(refusal(() => list([1, 2, 3, 4], 'segments', 3, (v) => v))).toContain(
      'more than 3 entries',
    );
    expect(refusal(() => numbers([1, 2, 3], 'clustering.centres', 4))).toContain(
      'clustering.centres has 3 values where 4 are expected',
    );
    expect(refusal(() => numbers([1, 'NaN'], 'centres'))).toContain('centres[1] is not a number');
    expect(refusal(() => numbers([1, null], 'centres'))).toContain('centres[1] is not a number');
    expect(refusal(() => distinct(['a', 'b', 'a'], 'categories'))).toContain(
      'categories[2] repeats "a"',
    );
  });

  it('reads only own fields: nothing inherited answers for a missing one', () => {
    expect(refusal(() => field({}, 'toString', 'x'))).toContain('x.toString is missing');
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}}');
    expect(field(parsed, '__proto__', 'x')).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
