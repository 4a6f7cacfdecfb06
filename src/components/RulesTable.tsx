import { SortableHeaderRow, type SortableColumn } from './SortableHeaderRow';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSortKey } from '../core/basket/rulesTable';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { useRuleSide } from './ruleItems';
import { TableScroll } from './TableScroll';

interface Column extends SortableColumn<RuleSortKey> {
  /** Shown only for a scope other than everyone. */
  scoped?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'antecedents', label: 'ui.baskets.table.antecedents', numeric: false },
  { key: 'consequents', label: 'ui.baskets.table.consequents', numeric: false },
  { key: 'support', label: 'ui.baskets.table.support', numeric: true },
  { key: 'confidence', label: 'ui.baskets.table.confidence', numeric: true },
  { key: 'lift', label: 'ui.baskets.table.lift', numeric: true },
  { key: 'conviction', label: 'ui.baskets.table.conviction', numeric: true },
  { key: 'baskets', label: 'ui.baskets.table.baskets', numeric: true },
  { key: 'wholeLift', label: 'ui.baskets.table.wholeLift', numeric: true, scoped: true },
  { key: 'liftRatio', label: 'ui.baskets.table.liftRatio', numeric: true, scoped: true },
];

const PAGE_SIZES = [25, 50, 100];

/**
 * The rules, sorted by any column, filtered by an item on either side, redundant ones hidden on
 * request, and paged: the worker holds the rules and sends the page on show.
 */
export function RulesTable() {
  const { t } = useTranslation();
  const format = useFormats();
  const side = useRuleSide();
  const hintId = useId();
  const request = useStore((s) => s.basketsRequest);
  const page = useStore((s) => s.basketsPage);
  const query = useStore((s) => s.basketsQuery);
  const setQuery = useStore((s) => s.setRulesQuery);
  // What the user types is kept as typed; the rules follow each change.
  const [contains, setContains] = useState(query.contains);
  if (!request) return null;
  const scoped = request.scope.kind !== 'all';
  const columns = COLUMNS.filter((column) => scoped || !column.scoped);
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const fixedOrDash = (value: number | null) => (value === null ? '–' : format.fixed(value, 2));
  const sortBy = (key: RuleSortKey) =>
    setQuery(
      query.sort === key
        ? { sort: key, descending: !query.descending }
        : { sort: key, descending: key !== 'antecedents' && key !== 'consequents' },
    );
  return (
    <div className="rules-table">
      <div className="controls">
        <label>
          {t('ui.baskets.table.contains')}
          <input
            className="rules-table__filter"
            type="search"
            value={contains}
            placeholder={t('ui.baskets.table.containsHint')}
            onChange={(e) => {
              setContains(e.target.value);
              setQuery({ contains: e.target.value });
            }}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={query.hideRedundant}
            aria-describedby={hintId}
            onChange={(e) => setQuery({ hideRedundant: e.target.checked })}
          />
          {t('ui.baskets.table.hideRedundant')}
        </label>
        <label>
          {t('ui.baskets.table.pageSize')}
          <select
            value={query.pageSize}
            onChange={(e) => setQuery({ pageSize: Number(e.target.value) })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint" id={hintId}>
        {t('ui.baskets.table.redundantHint')}
      </p>
      {scoped && <p className="hint">{t('ui.baskets.table.distinguishing')}</p>}
      <TableScroll
        className="data-table rules-table__table"
        caption={t('ui.baskets.table.caption')}
      >
        <thead>
          <SortableHeaderRow
            columns={columns}
            sort={query.sort}
            descending={query.descending}
            onSort={sortBy}
          />
        </thead>
        <tbody>
          {(page?.rows ?? []).map((row) => (
            <tr key={row.rule}>
              <th scope="row">{side(row.antecedents)}</th>
              <td>{side(row.consequents)}</td>
              <td className="num">{format.percent(row.support, 2)}</td>
              <td className="num">{format.percent(row.confidence, 1)}</td>
              <td className="num">{format.fixed(row.lift, 2)}</td>
              <td className="num">
                {row.conviction === null
                  ? format.number(Infinity)
                  : format.fixed(row.conviction, 2)}
              </td>
              <td className="num">{format.count(row.baskets)}</td>
              {scoped && <td className="num">{fixedOrDash(row.wholeLift)}</td>}
              {scoped && <td className="num">{fixedOrDash(row.liftRatio)}</td>}
            </tr>
          ))}
        </tbody>
      </TableScroll>
      {total === 0 && <p className="notice">{t('ui.baskets.table.none')}</p>}
      <nav className="pager" aria-label={t('ui.baskets.table.pages')}>
        <button
          type="button"
          disabled={query.page === 0}
          onClick={() => setQuery({ page: query.page - 1 })}
        >
          {t('ui.baskets.table.previous')}
        </button>
        <span>
          {t('ui.baskets.table.page', { page: Math.min(query.page + 1, pages), pages, total })}
        </span>
        <button
          type="button"
          disabled={query.page + 1 >= pages}
          onClick={() => setQuery({ page: query.page + 1 })}
        >
          {t('ui.baskets.table.next')}
        </button>
      </nav>
    </div>
  );
}
