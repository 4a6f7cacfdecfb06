import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameColumns, UNNAMED_NOTE_END, unnamedNote } from '../../../src/core/read/columnNames';

function named(fields: string[]) {
  const notes: string[] = [];
  return { names: nameColumns(fields, notes), notes };
}

describe('nameColumns', () => {
  it('keeps names as written, trimmed, and adds no note', () => {
    expect(named([' id ', 'Annual Income (k$)', 'città'])).toEqual({
      names: ['id', 'Annual Income (k$)', 'città'],
      notes: [],
    });
  });

  it('names an empty header column_N after its position', () => {
    expect(named(['a', '', '  ', 'b'])).toEqual({
      names: ['a', 'column_2', 'column_3', 'b'],
      notes: ['2 columns have no name and got one (column_N).'],
    });
    expect(named(['', 'x']).notes).toEqual(['1 column has no name and got one (column_N).']);
  });

  it('makes repeated names unique, ignoring case, with the first free _2, _3, ...', () => {
    expect(named(['a', 'a', 'A', 'b'])).toEqual({
      names: ['a', 'a_2', 'A_3', 'b'],
      notes: ['2 repeated column names were made unique (name_2, name_3, ...).'],
    });
    // A name that is already taken by a renamed one is renamed again.
    expect(named(['a', 'a_2', 'a']).names).toEqual(['a', 'a_2', 'a_3']);
    expect(named(['a', 'a', 'a_2']).names).toEqual(['a', 'a_2', 'a_2_2']);
    expect(named(['x', 'x']).notes).toEqual([
      '1 repeated column name was made unique (name_2, name_3, ...).',
    ]);
  });

  it('makes a generated name unique too, and says both things', () => {
    expect(named(['column_2', ''])).toEqual({
      names: ['column_2', 'column_2_2'],
      notes: [
        '1 column has no name and got one (column_N).',
        '1 repeated column name was made unique (name_2, name_3, ...).',
      ],
    });
  });

  it('adds its notes after the ones already there', () => {
    const notes = ['earlier'];
    nameColumns(['', ''], notes);
    expect(notes).toEqual(['earlier', '2 columns have no name and got one (column_N).']);
  });

  it('gives every column a distinct, non-empty name, and keeps the first of each name', () => {
    // Without underscores in the header, no given name can meet a made-up one (name_2, column_3).
    const field = fc.oneof(
      fc.constantFrom('', ' ', 'a', 'A', ' a', 'b'),
      fc.string({ maxLength: 5 }).filter((s) => !s.includes('_')),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 12 }), (fields) => {
        const { names } = named(fields);
        expect(names).toHaveLength(fields.length);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        fields.forEach((f, j) => {
          const key = f.trim().toLowerCase();
          if (key === '') expect(names[j]).toBe(`column_${j + 1}`);
          else if (fields.findIndex((g) => g.trim().toLowerCase() === key) === j)
            expect(names[j]).toBe(f.trim());
          else expect(names[j].toLowerCase()).toMatch(/_\d+$/);
        });
      }),
    );
  });
});

describe('unnamedNote', () => {
  it('counts the unnamed columns in a sentence that ends as the table builder looks for', () => {
    expect(unnamedNote(1)).toBe('1 column has no name and got one (column_N).');
    expect(unnamedNote(3)).toBe('3 columns have no name and got one (column_N).');
    expect(unnamedNote(3).endsWith(UNNAMED_NOTE_END)).toBe(true);
    expect(Number.parseInt(unnamedNote(12), 10)).toBe(12);
  });
});
