import { useTranslation } from 'react-i18next';
import type { UiKey } from './richText';

/** A column a table can be sorted by: its key, its header's words, and whether it holds numbers. */
export interface SortableColumn<K extends string> {
  key: K;
  label: UiKey;
  numeric: boolean;
}

/**
 * The header row of a table sorted in the worker: each header a button that sorts by its column
 * (again to turn the order round), the sorted one marked for screen readers by aria-sort.
 */
export function SortableHeaderRow<K extends string>({
  columns,
  sort,
  descending,
  onSort,
}: {
  columns: readonly SortableColumn<K>[];
  sort: K;
  descending: boolean;
  onSort: (key: K) => void;
}) {
  const { t } = useTranslation();
  // The key is checked by SortableColumn's type; t's overloads do not take a union of keys.
  const say = t as (key: string) => string;
  return (
    <tr>
      {columns.map((column) => {
        const sorted = sort === column.key;
        return (
          <th
            key={column.key}
            scope="col"
            className={column.numeric ? 'num' : undefined}
            aria-sort={sorted ? (descending ? 'descending' : 'ascending') : 'none'}
          >
            <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
              {say(column.label)}
              <span aria-hidden="true">{sorted ? (descending ? ' ▼' : ' ▲') : ''}</span>
            </button>
          </th>
        );
      })}
    </tr>
  );
}
