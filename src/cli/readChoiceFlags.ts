import { ENCODINGS } from '../core/read/detectEncoding';
import { DELIMITERS, DELIMITER_LABELS } from '../core/read/dialect';
import type { ReadChoice } from '../core/session/datasetSummary';
import { choiceOption } from './args';

/** The flags that say how to read a file, shared by every command. */
export const READ_FLAGS = {
  sheet: { type: 'string' },
  delimiter: { type: 'string' },
  decimal: { type: 'string' },
  encoding: { type: 'string' },
} as const;

const DELIMITER_NAMES = DELIMITERS.map((d) => DELIMITER_LABELS[d]);

export function readChoiceFrom(values: {
  sheet?: string;
  delimiter?: string;
  decimal?: string;
  encoding?: string;
}): ReadChoice {
  const delimiterName = choiceOption('delimiter', values.delimiter, DELIMITER_NAMES);
  const decimalName = choiceOption('decimal', values.decimal, ['point', 'comma'] as const);
  return {
    sheet: values.sheet,
    delimiter:
      delimiterName === undefined ? undefined : DELIMITERS[DELIMITER_NAMES.indexOf(delimiterName)],
    decimal: decimalName === undefined ? undefined : decimalName === 'point' ? '.' : ',',
    encoding: choiceOption('encoding', values.encoding, ENCODINGS),
  };
}
