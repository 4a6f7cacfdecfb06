import { describe, expect, it } from 'vitest';
import { DELIMITER_LABELS, DELIMITERS, type Dialect } from '../../../src/core/read/dialect';
import { sniffDialect } from '../../../src/core/read/sniffDialect';

describe('delimiters', () => {
  it('are the four a CSV export uses, each with a name for the page and the command line', () => {
    expect(DELIMITERS).toEqual([',', ';', '\t', '|']);
    expect(DELIMITERS.map((d) => DELIMITER_LABELS[d])).toEqual([
      'comma',
      'semicolon',
      'tab',
      'pipe',
    ]);
    expect(Object.keys(DELIMITER_LABELS).sort()).toEqual([...DELIMITERS].sort());
  });
});

describe('Dialect', () => {
  it('is what the sniffer finds: one of the delimiters, a decimal separator, a header or not', () => {
    const samples = ['a,b\n1,2\n', 'a;b\n1,5;2\n', 'a\tb\n1\t2\n', 'a|b\n1|2\n', '1,2\n3,4\n'];
    const dialects: Dialect[] = samples.map((sample) => sniffDialect(sample, true));
    for (const dialect of dialects) {
      expect(DELIMITERS).toContain(dialect.delimiter);
      expect(['.', ',']).toContain(dialect.decimal);
      expect(typeof dialect.hasHeader).toBe('boolean');
    }
    expect(dialects.map((d) => d.delimiter)).toEqual([',', ';', '\t', '|', ',']);
    expect(dialects.map((d) => d.hasHeader)).toEqual([true, true, true, true, false]);
  });
});
