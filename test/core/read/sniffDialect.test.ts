import { describe, expect, it } from 'vitest';
import { DELIMITERS } from '../../../src/core/read/dialect';
import { sniffDelimiter, sniffDialect } from '../../../src/core/read/sniffDialect';

const sniff = (sample: string, whole = true) => sniffDialect(sample, whole);

describe('sniffDialect', () => {
  it('finds each delimiter', () => {
    for (const delimiter of DELIMITERS) {
      const sample = [
        ['name', 'spend', 'visits'],
        ['Ann', '12.5', '3'],
        ['Bob', '7', '1'],
      ]
        .map((row) => row.join(delimiter))
        .join('\n');
      expect(sniff(sample)).toEqual({ delimiter, decimal: '.', hasHeader: true });
    }
  });

  it('takes the delimiter that splits every row alike over one that appears in the text', () => {
    expect(sniff('name\tnote\nA\thello, world\nB\tyes, no\n').delimiter).toBe('\t');
    expect(sniff('a|b\nx, y|1\nz|2\n').delimiter).toBe('|');
  });

  it('finds decimal commas in a semicolon file, plain and grouped', () => {
    expect(sniff('name;price;qty\nA;12,5;3\nB;1.234,56;4\nC;0,99;5\n')).toEqual({
      delimiter: ';',
      decimal: ',',
      hasHeader: true,
    });
    // `1.234` alone could be a thousand with a dot for grouping: it does not vote for a dot.
    expect(sniff('a;b\n1.234;5\n12,5;6\n').decimal).toBe(',');
    // One genuine decimal dot is enough to keep the dot.
    expect(sniff('a;b\n1.5;5\n12,5;6\n').decimal).toBe('.');
  });

  it('finds quoted decimal commas in a comma file, but takes 1,234 there for a thousand', () => {
    expect(sniff('a,b\n"12,5","1,5"\n"3,25","4,0"\n')).toEqual({
      delimiter: ',',
      decimal: ',',
      hasHeader: true,
    });
    expect(sniff('a,b\n"1,234",2\n"5,678",3\n').decimal).toBe('.');
    expect(sniff('a;b\n1,234;2\n5,678;3\n').decimal).toBe(',');
  });

  it('says there is no header when every filled cell of the first row is a number', () => {
    expect(sniff('1,2,3\n4,5,6\n').hasHeader).toBe(false);
    expect(sniff(',1,2\n3,4,5\n').hasHeader).toBe(false);
    expect(sniff('1;2,5;3\n4;5,5;6\n').hasHeader).toBe(false);
    expect(sniff('id,2\n3,4\n').hasHeader).toBe(true);
    // A first row of missing markers only has no number in it: it is a header.
    expect(sniff('NA,-\n1,2\n').hasHeader).toBe(true);
  });

  it('falls back to a comma, a dot and a header when the sample tells nothing', () => {
    expect(sniff('')).toEqual({ delimiter: ',', decimal: '.', hasHeader: true });
    expect(sniff('x\n1\n2\n')).toEqual({ delimiter: ',', decimal: '.', hasHeader: true });
  });

  it('leaves out the last row of a partial sample, which may be cut', () => {
    // `4,5` is whole in a whole file (a decimal comma), maybe `4,56` cut short in a sample.
    expect(sniff('a;b\n1;2\n3;4,5', true).decimal).toBe(',');
    expect(sniff('a;b\n1;2\n3;4,5', false).decimal).toBe('.');
  });

  it('reads past a title line or a broken line at the top', () => {
    expect(sniff('title\n\nname;price;qty\nA;12;3\nB;1;4\nC;0;5\n').delimiter).toBe(';');
    expect(
      sniff('Sales report, March 2024\nname;price;qty\nA;12;3\nB;1;4\nC;0;5\n').delimiter,
    ).toBe(';');
    expect(sniff('Sales report March\nname;price;qty\nA;12,5;3\nB;1.234,56;4\nC;0,99;5\n')).toEqual(
      {
        delimiter: ';',
        decimal: ',',
        hasHeader: true,
      },
    );
    expect(sniff('a;b;c\n1;"oops;3\n4;5;6\n7;8;9\n').delimiter).toBe(';');
    expect(sniff('"Report: sales, north; south"\n\nid,spend\n1,10.5\n2,11\n3,12\n').delimiter).toBe(
      ',',
    );
  });

  // The doc says "consistency first": ';' splits five of the seven rows alike and ',' only four,
  // yet ',' wins, because the title line happens to split in two like the decimal commas do and
  // the "header agrees" bonus (1) outweighs the consistency gap (4 x 1/7). readCsv then reads
  // this European export as two columns "Sales report" and "March 2024".
  it.fails(
    'prefers the more consistent delimiter when a title line splits like decimal commas',
    () => {
      const sample =
        'Sales report, March 2024\nExported by shop\nname;price;qty\nA;12,5;3\nB;1.234,56;4\nC;0,99;5\nD;3;1\n';
      expect(sniff(sample)).toEqual({ delimiter: ';', decimal: ',', hasHeader: true });
    },
  );
});

describe('sniffDelimiter', () => {
  it('needs at least two fields per row, and a header that splits like the data breaks ties', () => {
    expect(sniffDelimiter('a b c\n1 2 3\n', true)).toBe(',');
    expect(sniffDelimiter('a;b\n1;2\n3;4\n', true)).toBe(';');
    // Both split every row in two; the header splits only on the semicolon.
    expect(sniffDelimiter('a;b\n1,5;2|1\n3,5;4|2\n', true)).toBe(';');
  });

  it('prefers more fields when two delimiters are equally consistent', () => {
    expect(sniffDelimiter('a,b|c|d\n1,2|3|4\n', true)).toBe('|');
    expect(sniffDelimiter('a,b,c|d\n1,2,3|4\n', true)).toBe(',');
  });
});

describe('a few broken lines do not decide the dialect (#20: one stray quote on line 2)', () => {
  const rows = (stray: (i: number) => boolean) =>
    [
      'Kunde;Umsatz;Besuche;Alter',
      ...Array.from({ length: 120 }, (_, i) =>
        stray(i)
          ? `K${i};"12,50;3;45`
          : `K${i};${(i * 7.31 + 10).toFixed(2).replace('.', ',')};${i % 30};${18 + (i % 60)}`,
      ),
    ].join('\n') + '\n';

  it('reads semicolons and decimal commas with an unclosed quote on line 2, or on a few lines', () => {
    expect(
      sniffDialect(
        rows((i) => i === 0),
        true,
      ),
    ).toEqual({
      delimiter: ';',
      decimal: ',',
      hasHeader: true,
    });
    expect(
      sniffDialect(
        rows((i) => i % 40 === 0),
        false,
      ),
    ).toMatchObject({
      delimiter: ';',
      decimal: ',',
    });
  });

  it('still reads a quoted field that spans lines', () => {
    const text = 'id,note,amount\n1,"two\nlines",3.5\n2,plain,4.5\n3,"x",5.5\n';
    expect(sniffDialect(text, true)).toEqual({ delimiter: ',', decimal: '.', hasHeader: true });
  });
});
