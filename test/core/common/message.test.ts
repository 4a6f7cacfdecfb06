import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message, type MessageKey } from '../../../src/core/common/message';
import { en } from '../../../src/i18n/locales/en';

describe('message', () => {
  it('is the key alone when there are no values', () => {
    expect(message('readEmptyFile')).toEqual({ key: 'readEmptyFile' });
    expect(Object.keys(message('readEmptyFile'))).toEqual(['key']);
  });

  it('carries the values it is given, texts, numbers and other messages, as they are', () => {
    const inner = message('fileXlsx');
    const said = message('readWorkbook', { what: inner });
    expect(said).toEqual({ key: 'readWorkbook', params: { what: { key: 'fileXlsx' } } });
    expect(said.params?.what).toBe(inner);
    const params = { rows: 3, k: 4 };
    expect(message('tooFewRowsForK', params).params).toBe(params);
    // A column name is a value, never a key: one named like an Object property stays a value.
    expect(message('noColumn', { name: '__proto__', names: 'a, b' }).params).toEqual({
      name: '__proto__',
      names: 'a, b',
    });
  });

  it('keeps empty values apart from no values', () => {
    expect(message('labelTypical', {})).toEqual({ key: 'labelTypical', params: {} });
  });

  it('survives a trip through JSON and structuredClone (the worker posts messages)', () => {
    const keys = Object.keys(en.message) as MessageKey[];
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ min: 0.5, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.dictionary(fc.constantFrom('count', 'name', 'value'), value),
        fc.constantFrom(...keys),
        (key, params, innerKey) => {
          const said = message(key, { ...params, inner: message(innerKey) });
          expect(structuredClone(said)).toEqual(said);
          expect(JSON.parse(JSON.stringify(said))).toEqual(said);
        },
      ),
    );
  });
});
