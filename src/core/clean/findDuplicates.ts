import { rowSourceText, type Table } from '../read/table';

const HASH_SCRATCH = new Float64Array(1);
const HASH_WORDS = new Uint32Array(HASH_SCRATCH.buffer);

/**
 * For every row that repeats an earlier row exactly (the same text, hence the same value in
 * every column), the index of the first such row; -1 for the others. Equal values alone are not
 * enough: `$5` and `€5`, or `5` and a quoted `"5\n"`, read as the same number but are not the
 * same row. One pass with an open-addressing hash table over row indices, so it stays linear
 * and small at a million rows.
 * Only rows with `candidate[i] === 1` take part.
 *
 * Rows equal in value are nearly always equal in text, and a table may keep its text in the file
 * (read again by ranges), so the texts are compared after the pass, in file order: one read of
 * the file, not one per pair. Only when some pair's texts differ does the pass run again,
 * comparing the texts already read as it goes.
 */
export function findDuplicateRows(table: Table, candidate: Uint8Array): Int32Array {
  const byValue = duplicatesBy(table, candidate, valuesEqual);
  const texts = textsOfPairs(table, byValue);
  let agree = true;
  for (let i = 0; i < byValue.length && agree; i++)
    if (byValue[i] >= 0 && texts.get(i) !== texts.get(byValue[i])) agree = false;
  if (agree) return byValue;
  // Every row equal in value to another took part in a pair, so its text is at hand: the
  // second pass reads nothing from the file.
  const textOf = (row: number) => texts.get(row) ?? rowSourceText(table.rowText, row);
  return duplicatesBy(
    table,
    candidate,
    (t, a, b) => valuesEqual(t, a, b) && textOf(a) === textOf(b),
  );
}

/** The texts of the rows in a pair (a row and the one it repeats), read in file order. */
function textsOfPairs(table: Table, duplicate: Int32Array): Map<number, string> {
  const n = duplicate.length;
  const involved = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (duplicate[i] >= 0) {
      involved[i] = 1;
      involved[duplicate[i]] = 1;
      any = true;
    }
  }
  const texts = new Map<number, string>();
  if (!any) return texts;
  for (let i = 0; i < n; i++) if (involved[i] === 1) texts.set(i, rowSourceText(table.rowText, i));
  return texts;
}

function duplicatesBy(
  table: Table,
  candidate: Uint8Array,
  rowsEqual: (table: Table, a: number, b: number) => boolean,
): Int32Array {
  const n = table.rowCount;
  const duplicate = new Int32Array(n).fill(-1);
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const columns = table.columns;
  const hashes = new Uint32Array(n);
  for (const column of columns) {
    const numbers = column.numbers;
    const codes = column.codes;
    for (let i = 0; i < n; i++) {
      let h = hashes[i];
      const code = codes === null ? -1 : codes[i];
      if (code >= 0) {
        h = mix(h, code + 0x9e3779b9);
      } else {
        const v = numbers[i];
        if (v !== v) {
          h = mix(h, 0x7ff80001);
        } else {
          HASH_SCRATCH[0] = v === 0 ? 0 : v;
          h = mix(mix(h, HASH_WORDS[0]), HASH_WORDS[1]);
        }
      }
      hashes[i] = h;
    }
  }
  for (let i = 0; i < n; i++) {
    if (candidate[i] === 0) continue;
    let slot = hashes[i] & mask;
    for (;;) {
      const other = slots[slot];
      if (other === -1) {
        slots[slot] = i;
        break;
      }
      if (hashes[other] === hashes[i] && rowsEqual(table, other, i)) {
        duplicate[i] = other;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicate;
}

function mix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

function valuesEqual(table: Table, a: number, b: number): boolean {
  for (const column of table.columns) {
    const codes = column.codes;
    if (codes !== null && codes[a] !== codes[b]) return false;
    const x = column.numbers[a];
    const y = column.numbers[b];
    if (x !== y && (x === x || y === y)) return false;
  }
  return true;
}
