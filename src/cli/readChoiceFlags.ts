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

export const READ_USAGE = `  --sheet NAME          the sheet of an .xlsx or .xls workbook to read (default: the first)
  --delimiter comma|semicolon|tab|pipe         (default: detected)
  --decimal point|comma                        decimal separator of numbers (default: detected)
  --encoding utf-8|utf-16le|utf-16be|gb18030|windows-1252   (default: detected)`;

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
