import { message } from '../common/message';
import { cellText, type Table } from '../read/table';
import { KEPT, type CleanReport, type MissingStrategy } from './cleanOptions';

/**
 * The most 0/1 columns one categorical column becomes: the most frequent categories keep their
 * own, the rest share "(other)" (as scikit-learn's OneHotEncoder with max_categories). Without a
 * bound, a column of 100,000 distinct values asked for 100,000 features per row.
 */
export const MAX_ONE_HOT_CATEGORIES = 50;

/** `base`, or `base 2`, `base 3`, ...: a label no category of the column already has. */
function freshLabel(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} ${i}`)) return `${base} ${i}`;
}

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
  let categories = order.map((id) => found[id]);
  if (categories.length > MAX_ONE_HOT_CATEGORIES) {
    const kept = MAX_ONE_HOT_CATEGORIES - 1;
    let grouped = 0;
    for (let r = kept; r < order.length; r++) grouped += counts[order[r]];
    const other = freshLabel('(other)', categories);
    report.notes.push(
      message('oneHotGrouped', {
        column: name,
        count: categories.length,
        kept,
        other: categories.length - kept,
        label: other,
        rows: grouped,
      }),
    );
    for (let id = 0; id < rank.length; id++) if (rank[id] > kept) rank[id] = kept;
    categories = [...categories.slice(0, kept), other];
  }
  let fill = -1;
  if (missing > 0) {
    // A "(missing)" the file itself holds means the same: the filled cells join it.
    const value = strategy === 'constant' || categories.length === 0 ? '(missing)' : categories[0];
    if (!categories.includes(value)) categories.push(value);
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
