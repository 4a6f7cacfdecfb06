import { describe, expect, it } from 'vitest';
import {
  FIELD_ESCAPED,
  FIELD_NUMBER,
  FIELD_TEXT,
  FieldBuffer,
  fieldCell,
  fieldCells,
  type ScannedFields,
} from '../../../src/core/read/scannedFields';

describe('scannedFields', () => {
  const text = 'x,"a""b",12,tail';
  // Two records laid end to end, as a kernel's batch holds them: [x, a"b] and [12, tail].
  const fields: ScannedFields = {
    values: new Float64Array([NaN, NaN, 12, NaN]),
    starts: new Int32Array([0, 3, 9, 12]),
    ends: new Int32Array([1, 7, 11, 16]),
    kinds: new Uint8Array([FIELD_TEXT, FIELD_ESCAPED, FIELD_NUMBER, FIELD_TEXT]),
    ids: null,
  };

  it('gives a field as PapaParse would, doubled quotes read as one', () => {
    expect(fieldCell(text, fields, 0)).toBe('x');
    expect(fieldCell(text, fields, 1)).toBe('a"b');
  });

  it('gives a record’s fields from its first one', () => {
    expect(fieldCells(text, fields, 0, 2)).toEqual(['x', 'a"b']);
    expect(fieldCells(text, fields, 2, 2)).toEqual(['12', 'tail']);
  });

  it('keeps what a FieldBuffer holds when it grows', () => {
    const buffer = new FieldBuffer();
    const size = buffer.kinds.length;
    buffer.values[size - 1] = 2.5;
    buffer.starts[size - 1] = 7;
    buffer.ends[size - 1] = 9;
    buffer.kinds[size - 1] = FIELD_ESCAPED;
    buffer.grow();
    expect(buffer.kinds.length).toBe(size * 2);
    expect([
      buffer.values[size - 1],
      buffer.starts[size - 1],
      buffer.ends[size - 1],
      buffer.kinds[size - 1],
    ]).toEqual([2.5, 7, 9, FIELD_ESCAPED]);
    expect(buffer.ids).toBeNull();
  });
});
