import { describe, expect, it } from 'vitest';
import {
  MAX_SEGMENT_NAME,
  NO_SEGMENT_NAMES,
  parseSegmentNames,
  segmentNameOf,
} from '../../../src/core/export/segmentNames';

describe('segmentNameOf', () => {
  it('gives the typed name of a segment or of the noise, and null for none or a blank one', () => {
    const names = { segments: ['Loyal', null, '  '], noise: 'Strays' };
    expect(segmentNameOf(names, 0)).toBe('Loyal');
    expect(segmentNameOf(names, 1)).toBeNull();
    expect(segmentNameOf(names, 2)).toBeNull();
    expect(segmentNameOf(names, 7)).toBeNull();
    expect(segmentNameOf(names, -1)).toBe('Strays');
    expect(segmentNameOf(NO_SEGMENT_NAMES, 0)).toBeNull();
  });
});

describe('parseSegmentNames', () => {
  it('reads ID=NAME and noise=NAME, keeping = and spaces inside a name', () => {
    expect(parseSegmentNames(['2=Big = spenders', 'noise= Strays ', '0=Loyal'])).toEqual({
      names: { segments: ['Loyal', null, 'Big = spenders'], noise: 'Strays' },
    });
    expect(parseSegmentNames(['-1=Strays'])).toEqual({
      names: { segments: [], noise: 'Strays' },
    });
  });

  it('returns the first entry it cannot read', () => {
    expect(parseSegmentNames(['0=Loyal', 'Loyal'])).toEqual({ bad: 'Loyal' });
    expect(parseSegmentNames(['1='])).toEqual({ bad: '1=' });
    expect(parseSegmentNames(['x=Loyal'])).toEqual({ bad: 'x=Loyal' });
    const long = `0=${'a'.repeat(MAX_SEGMENT_NAME + 1)}`;
    expect(parseSegmentNames([long])).toEqual({ bad: long });
  });
});
