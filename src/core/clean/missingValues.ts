import { quantile } from '../common/quantiles';
import { MISSING_CODE, type Table } from '../read/table';
import { DROPPED_MISSING, KEPT, type CleanReport, type MissingStrategy } from './cleanOptions';
import { message, type Message } from '../common/message';

/**
 * Sets aside the kept rows that miss a value in a feature whose strategy is to drop them. A
 * numeric feature's `values` are its column's numbers with its missing codes made NaN (see
 * withoutMissingCodes), when it has any.
 */
export function dropRowsWithMissing(
  table: Table,
  features: readonly { name: string; index: number; values?: Float64Array }[],
  oneHot: readonly { name: string; index: number; values?: Float64Array }[],
  strategyOf: (name: string) => MissingStrategy,
  reason: Uint8Array,
  detail: Map<number, Message>,
): void {
  const n = table.rowCount;
  for (const { name, index, values } of [...features, ...oneHot]) {
    if (strategyOf(name) !== 'drop') continue;
    const { codes, texts } = table.columns[index];
    const original = table.columns[index].numbers;
    const numbers = values ?? original;
    const isCategorical = oneHot.some((c) => c.index === index);
    for (let i = 0; i < n; i++) {
      const missing =
        isCategorical && codes !== null ? codes[i] === MISSING_CODE : numbers[i] !== numbers[i];
      if (reason[i] === KEPT && missing) {
        reason[i] = DROPPED_MISSING;
        const code = codes === null ? MISSING_CODE : codes[i];
        detail.set(
          i,
          original[i] === original[i]
            ? message('detailMissingCode', { column: name, value: original[i] })
            : code < 0
              ? message('detailMissing', { column: name })
              : unreadable(name, texts[code]),
        );
      }
    }
  }
}

/**
 * A column's numbers with every kept cell holding one of its missing codes made NaN (a copy; the
 * column itself unchanged), each code's count reported; the column itself when it has no code.
 */
export function withoutMissingCodes(
  name: string,
  numbers: Float64Array,
  codes: readonly number[],
  reason: Uint8Array,
  report: CleanReport,
): Float64Array {
  if (codes.length === 0) return numbers;
  const values = numbersWithoutCodes(numbers, codes);
  const counts = codes.map(() => 0);
  for (let i = 0; i < values.length; i++) {
    if (reason[i] !== KEPT || values[i] === values[i] || numbers[i] !== numbers[i]) continue;
    counts[codes.indexOf(numbers[i])]++;
  }
  codes.forEach((value, c) => report.missingCodes.push({ column: name, value, count: counts[c] }));
  return values;
}

/** A copy of `numbers` with every value among `codes` made NaN (the array itself when none). */
export function numbersWithoutCodes(numbers: Float64Array, codes: readonly number[]): Float64Array {
  if (codes.length === 0) return numbers;
  const values = numbers.slice();
  for (let i = 0; i < values.length; i++) if (codes.includes(values[i])) values[i] = NaN;
  return values;
}

/** Why a cell of a numeric feature that holds text is not a value: a word, or a number out of range. */
function unreadable(column: string, cell: string): Message {
  const asNumber = Number(cell.trim());
  return cell.trim() !== '' && !Number.isNaN(asNumber)
    ? message('detailOutOfRange', { column, cell })
    : message('detailNotANumber', { column, cell });
}

/** The value missing cells of a feature get, from its kept rows; reported when any is missing. */
export function fillValue(
  values: Float64Array,
  reason: Uint8Array,
  name: string,
  strategy: MissingStrategy,
  constant: number,
  report: CleanReport,
): number {
  let missing = 0;
  for (let i = 0; i < values.length; i++)
    if (reason[i] === KEPT && values[i] !== values[i]) missing++;
  if (missing === 0) return NaN;
  const fill = strategyFill(values, reason, strategy, constant);
  report.imputed.push({ column: name, strategy, count: missing, value: fill });
  return fill;
}

/**
 * The value a strategy fills in, from the kept rows' values (whether or not any is missing): what
 * fillValue fills, and what a saved model fills in other files.
 */
export function strategyFill(
  values: Float64Array,
  reason: Uint8Array,
  strategy: MissingStrategy,
  constant: number,
): number {
  if (strategy === 'constant') return constant;
  let present = 0;
  for (let i = 0; i < values.length; i++)
    if (reason[i] === KEPT && values[i] === values[i]) present++;
  const kept = new Float64Array(present);
  for (let i = 0, k = 0; i < values.length; i++)
    if (reason[i] === KEPT && values[i] === values[i]) kept[k++] = values[i];
  return strategy === 'median'
    ? quantile(kept, 0.5)
    : strategy === 'mode'
      ? modeOf(kept)
      : mean(kept);
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The most frequent value; the smallest one on ties. */
function modeOf(values: Float64Array): number {
  const sorted = values.slice().sort();
  let best = sorted[0];
  let bestRun = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}
