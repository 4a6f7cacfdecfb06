import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import { nameColumns } from '../../../src/core/read/columnNames';
import { englishText } from '../../../src/i18n/formatMessage';

function named(fields: string[]) {
  const notes: Message[] = [];
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
      notes: [message('noteUnnamedColumns', { count: 2 })],
    });
    expect(named(['', 'x']).notes).toEqual([message('noteUnnamedColumns', { count: 1 })]);
    expect(named(['a', '', '  ', 'b']).notes.map(englishText)).toEqual([
      '2 columns have no name and got one (column_N).',
    ]);
    expect(named(['', 'x']).notes.map(englishText)).toEqual([
      '1 column has no name and got one (column_N).',
    ]);
  });

  it('makes repeated names unique, ignoring case, with the first free _2, _3, ...', () => {
    expect(named(['a', 'a', 'A', 'b'])).toEqual({
      names: ['a', 'a_2', 'A_3', 'b'],
      notes: [message('noteRenamedColumns', { count: 2 })],
    });
    expect(named(['a', 'a', 'A', 'b']).notes.map(englishText)).toEqual([
      '2 repeated column names were made unique (name_2, name_3, ...).',
    ]);
    // A name that is already taken by a renamed one is renamed again.
    expect(named(['a', 'a_2', 'a']).names).toEqual(['a', 'a_2', 'a_3']);
    expect(named(['a', 'a', 'a_2']).names).toEqual(['a', 'a_2', 'a_2_2']);
    expect(named(['x', 'x']).notes.map(englishText)).toEqual([
      '1 repeated column name was made unique (name_2, name_3, ...).',
    ]);
  });

  it('makes a generated name unique too, and says both things', () => {
    expect(named(['column_2', ''])).toEqual({
      names: ['column_2', 'column_2_2'],
      notes: [
        message('noteUnnamedColumns', { count: 1 }),
        message('noteRenamedColumns', { count: 1 }),
      ],
    });
  });

  it('adds its notes after the ones already there', () => {
    const notes = [message('noteBlankLines', { count: 1 })];
    nameColumns(['', ''], notes);
    expect(notes).toEqual([
      message('noteBlankLines', { count: 1 }),
      message('noteUnnamedColumns', { count: 2 }),
    ]);
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

describe('the note on unnamed columns', () => {
  it('counts the unnamed columns in a sentence, singular and plural, with the count as a value', () => {
    const note = (count: number) => message('noteUnnamedColumns', { count });
    expect(englishText(note(1))).toBe('1 column has no name and got one (column_N).');
    expect(englishText(note(3))).toBe('3 columns have no name and got one (column_N).');
    expect(note(12).params?.count).toBe(12);
  });
});
