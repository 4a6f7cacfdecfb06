import Papa from 'papaparse';
import { rowSourceText, type Column, type Table } from './table';

/** From 2^53 on, a double no longer holds every integer: 9007199254740993 reads as ...992. */
const EXACT_INTEGERS = 2 ** 53;

/** Whether a number read from a cell may not be the integer the cell wrote (16 digits or more). */
export function isRoundedInteger(value: number): boolean {
  return (
    value === value &&
    value !== Infinity &&
    value !== -Infinity &&
    Math.abs(value) >= EXACT_INTEGERS
  );
}

/** Whether any number of the column is such an integer (long ids read as numbers). */
export function hasRoundedIntegers(column: Column): boolean {
  const { numbers } = column;
  for (let i = 0; i < numbers.length; i++) if (isRoundedInteger(numbers[i])) return true;
  return false;
}

/**
 * A cell as the file wrote it (trimmed), read again from its record's own text: the digits of an
 * id too long for a double, which the column's number has rounded. Workbooks and Parquet files
 * keep their records' text in the same CSV form, with every digit a Parquet integer has.
 */
export function exactCellText(table: Table, column: number, row: number): string {
  const text = rowSourceText(table.rowText, row);
  const parsed = Papa.parse<string[]>(text, { delimiter: table.dialect.delimiter, newline: '\n' });
  const fields = parsed.data[0] ?? [];
  return (fields[column] ?? '').trim();
}
