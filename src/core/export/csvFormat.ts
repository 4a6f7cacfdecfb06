import type { Delimiter, Dialect } from '../read/dialect';
import type { DecimalSeparator } from '../read/parseNumber';

/**
 * How an export writes its CSV (#18): `standard` is comma-separated with a decimal point, what
 * every tool reads; `input` is the dialect of the file that was read (a European file's semicolons
 * and decimal commas), for a spreadsheet set up the same way. Both are UTF-8 with a byte-order mark.
 */
export type ExportDialect = 'standard' | 'input';
export const EXPORT_DIALECTS: readonly ExportDialect[] = ['standard', 'input'];

export interface CsvFormat {
  delimiter: Delimiter;
  decimal: DecimalSeparator;
}

export const STANDARD_CSV: CsvFormat = { delimiter: ',', decimal: '.' };

/** The format an export is written in, for the user's choice and the file that was read. */
export function csvFormatFor(choice: ExportDialect, input: Dialect): CsvFormat {
  return choice === 'input' ? { delimiter: input.delimiter, decimal: input.decimal } : STANDARD_CSV;
}

/** A number the analysis computed, as text with the format's decimal separator. */
export function numberText(value: number | string, format: CsvFormat): string {
  const text = typeof value === 'number' ? String(value) : value;
  return format.decimal === ',' ? text.replace('.', ',') : text;
}

// A plain number as the reader takes it, for each decimal separator (grouping allowed).
const DOT_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER =
  /^[+-]?(?:\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A number cell of the user's file re-written for another decimal separator, digit for digit
 * (`1.234,5` becomes `1234.5`, never re-formatted through a float): grouping is dropped, since in
 * the other dialect it would read as the decimal separator. A cell that is not a plain number
 * (`12 %`, `$1,234`, text) stays as the user wrote it.
 */
export function convertNumberCell(
  cell: string,
  from: DecimalSeparator,
  to: DecimalSeparator,
): string {
  if (from === to) return cell;
  const trimmed = cell.trim();
  if (!/\d/.test(trimmed)) return cell;
  if (from === '.') {
    if (!DOT_NUMBER.test(trimmed)) return cell;
    return trimmed.replaceAll(',', '').replace('.', ',');
  }
  if (!COMMA_NUMBER.test(trimmed)) return cell;
  return trimmed.replace(/[.\s\u00a0\u202f']/g, '').replace(',', '.');
}
