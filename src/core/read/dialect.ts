import type { DecimalSeparator } from './parseNumber';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

export interface Dialect {
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  /** False when the first row is data (every cell a number): columns get generated names. */
  hasHeader: boolean;
}
