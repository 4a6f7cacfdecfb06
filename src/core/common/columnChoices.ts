/**
 * Per-column choices (a column's kind, its own missing-value rule) are lists of entries, not
 * records keyed by column name: column names are user data, and a column may be called
 * `__proto__` or `constructor`.
 */
export interface ColumnEntry {
  readonly column: string;
}

/** The list with `column`'s entry replaced by `entry` (added at the end if new), or removed. */
export function withEntry<T extends ColumnEntry>(
  list: readonly T[],
  column: string,
  entry: T | null,
): T[] {
  if (entry === null) return list.filter((e) => e.column !== column);
  const at = list.findIndex((e) => e.column === column);
  return at === -1 ? [...list, entry] : list.map((e, i) => (i === at ? entry : e));
}

/**
 * A lookup by column name over the entries. A column named twice (only a hand-edited model file
 * can do that) takes its first entry, here as in withEntry and in the page's panels.
 */
export function entriesByColumn<T extends ColumnEntry>(list: readonly T[]): Map<string, T> {
  const byColumn = new Map<string, T>();
  for (const entry of list) if (!byColumn.has(entry.column)) byColumn.set(entry.column, entry);
  return byColumn;
}

/** The entries without a column's later repeats. */
export function firstPerColumn<T extends ColumnEntry>(list: readonly T[]): T[] {
  const byColumn = entriesByColumn(list);
  return list.filter((entry) => byColumn.get(entry.column) === entry);
}
