import { cellText, type Table } from '../read/table';
import { KEPT, type CleanReport, type MissingStrategy } from './cleanOptions';

/** A categorical column as 0/1 features: each row's category (-1 none), most frequent first. */
export interface OneHotColumn {
  column: string;
  codes: Int32Array;
  categories: string[];
}

/**
 * The categories of a column on the kept rows, most frequent first (ties in text order). A
 * missing cell takes the most frequent category, or "(missing)" with the constant strategy;
 * either is reported.
 */
export function encodeOneHot(
  table: Table,
  name: string,
  index: number,
  strategy: MissingStrategy,
  reason: Uint8Array,
  report: CleanReport,
): OneHotColumn {
  const n = table.rowCount;
  const column = table.columns[index];
  const codes = new Int32Array(n).fill(-1);
  const ids = new Map<string, number>();
  const found: string[] = [];
  const counts: number[] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== KEPT) continue;
    const label = cellText(column, i);
    if (label === '') {
      missing++;
      continue;
    }
    let id = ids.get(label);
    if (id === undefined) {
      id = found.length;
      ids.set(label, id);
      found.push(label);
      counts.push(0);
    }
    counts[id]++;
    codes[i] = id;
  }
  // Most frequent category first.
  const order = found
    .map((_, id) => id)
    .sort((a, b) => counts[b] - counts[a] || (found[a] < found[b] ? -1 : 1));
  const rank = new Int32Array(found.length);
  order.forEach((id, r) => (rank[id] = r));
  const categories = order.map((id) => found[id]);
  let fill = -1;
  if (missing > 0) {
    const value = strategy === 'constant' || categories.length === 0 ? '(missing)' : categories[0];
    if (value === '(missing)') categories.push(value);
    fill = categories.indexOf(value);
    report.imputed.push({
      column: name,
      strategy: strategy === 'constant' ? 'constant' : 'mode',
      count: missing,
      value,
    });
  }
  for (let i = 0; i < n; i++) codes[i] = codes[i] === -1 ? fill : rank[codes[i]];
  return { codes, categories, column: name };
}
