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

/** A lookup by column name over the entries (the last entry for a column wins). */
export function entriesByColumn<T extends ColumnEntry>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.column, entry]));
}
