import { describe, expect, it } from 'vitest';
import { readChoiceFrom } from '../../src/cli/readChoiceFlags';
import { isUserError } from '../../src/core/common/userError';

describe('readChoiceFrom', () => {
  it('takes the delimiter, decimal separator and encoding a user names', () => {
    expect(readChoiceFrom({ delimiter: 'semicolon', decimal: 'comma', encoding: 'utf-8' })).toEqual(
      { delimiter: ';', decimal: ',', encoding: 'utf-8' },
    );
    expect(readChoiceFrom({ decimal: 'point' }).decimal).toBe('.');
    expect(readChoiceFrom({})).toEqual({
      delimiter: undefined,
      decimal: undefined,
      encoding: undefined,
    });
  });

  it('refuses a decimal separator it does not know, naming the choices', () => {
    let thrown: unknown;
    try {
      readChoiceFrom({ decimal: 'dot' });
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe('--decimal must be one of point, comma, not "dot".');
  });
});
