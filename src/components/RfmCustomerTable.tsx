import { SortableHeaderRow, type SortableColumn } from './SortableHeaderRow';
import { useTranslation } from 'react-i18next';
import { selectRfmSegmentSummary } from '../store/selectors';
import type { RfmSortKey } from '../store/types';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { rfmSegmentColour } from './palette';

import { useSegmentNames } from './segmentNames';
import { isValueKey } from '../store/vocabulary';
import { selectValueView } from '../store/valueSlice';
import { useRenderNode } from './richText';
import { TableScroll } from './TableScroll';

const COLUMNS: SortableColumn<RfmSortKey>[] = [
  { key: 'customer', label: 'ui.customers.column.customer', numeric: false },
  { key: 'recency', label: 'ui.customers.column.recency', numeric: true },
  { key: 'frequency', label: 'ui.customers.column.frequency', numeric: true },
  { key: 'monetary', label: 'ui.customers.column.monetary', numeric: true },
  { key: 'r', label: 'ui.customers.column.r', numeric: true },
  { key: 'f', label: 'ui.customers.column.f', numeric: true },
  { key: 'm', label: 'ui.customers.column.m', numeric: true },
  { key: 'code', label: 'ui.customers.column.code', numeric: true },
  { key: 'segment', label: 'ui.customers.column.segment', numeric: false },
];

/** The value columns, shown once customer value has been estimated for these customers. */
const VALUE_COLUMNS: SortableColumn<RfmSortKey>[] = [
  { key: 'pAlive', label: 'ui.value.column.pAlive', numeric: true },
  { key: 'expectedPurchases', label: 'ui.value.column.purchases', numeric: true },
  { key: 'clv', label: 'ui.value.column.clv', numeric: true },
];

const PAGE_SIZES = [25, 50, 100];

/**
 * One row per customer, sorted by any column and paged: the worker holds the table and sends
 * one page at a time, so a hundred thousand customers cost the page nothing.
 */
export function RfmCustomerTable() {
  const { t } = useTranslation();
  const format = useFormats();
  const names = useSegmentNames();
  const rfmView = useStore((s) => s.rfmView);
  const page = useStore((s) => s.rfmPage);
  const query = useStore((s) => s.rfmQuery);
  const setQuery = useStore((s) => s.setRfmQuery);
  const summary = useStore(selectRfmSegmentSummary);
  const scheme = useStore((s) => s.segmentMap.scheme);
  const value = useStore(selectValueView);
  const render = useRenderNode();
  const fixedOrDash = (value: number | null) => format.fixedAmount(value, 2);
  if (!rfmView) return null;
  // With an estimate: P(alive) and expected purchases, and CLV unless spend has no model.
  const valued = value !== null && (page?.rows[0]?.value !== undefined || page?.rows.length === 0);
  const withClv = valued && value.totals.clv !== null;
  // Without money, monetary and M are left out (the code is then R and F).
  const money = rfmView.hasMoney;
  const rfmColumns = money
    ? COLUMNS
    : COLUMNS.filter((column) => column.key !== 'monetary' && column.key !== 'm');
  const columns = valued
    ? [...rfmColumns, ...VALUE_COLUMNS.filter((column) => withClv || column.key !== 'clv')]
    : rfmColumns;
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const counts = summary ?? [];
  const sortBy = (key: RfmSortKey) =>
    setQuery(
      query.sort === key
        ? { sort: key, descending: !query.descending }
        : {
            sort: key,
            descending: key === 'monetary' || key === 'frequency' || isValueKey(key),
          },
    );
  return (
    <div className={valued ? 'rfm-customers rfm-customers--valued' : 'rfm-customers'}>
      <div className="controls">
        <label>
          {t('ui.customers.show')}
          <select
            value={query.segment ?? ''}
            onChange={(e) =>
              setQuery({ segment: e.target.value === '' ? null : Number(e.target.value) })
            }
          >
            <option value="">{t('ui.customers.everyone', { count: rfmView.customers })}</option>
            {counts.map((row) => (
              <option
                key={row.segment}
                value={row.segment}
                translate={names.typed(row.segment) ? 'no' : undefined}
              >
                {t('ui.customers.segmentOption', { name: row.name, count: row.customers })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ui.customers.pageSize')}
          <select
            value={query.pageSize}
            onChange={(e) => setQuery({ pageSize: Number(e.target.value), page: 0 })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      {valued && !withClv && value.spendProblem && (
        <p className="notice">{render(value.spendProblem)}</p>
      )}
      <TableScroll className="data-table" caption={t('ui.customers.caption')}>
        <thead>
          <SortableHeaderRow
            columns={columns}
            sort={query.sort}
            descending={query.descending}
            onSort={sortBy}
          />
        </thead>
        <tbody>
          {(page?.rows ?? []).map((row) => {
            const { segment } = row;
            return (
              <tr key={row.customer}>
                <th scope="row" translate="no">
                  {row.customer}
                </th>
                <td className="num">{format.count(row.recency)}</td>
                <td className="num">{format.count(row.frequency)}</td>
                {money && <td className="num">{format.amount(row.monetary)}</td>}
                <td className="num">{row.r}</td>
                <td className="num">{row.f}</td>
                {money && <td className="num">{row.m}</td>}
                <td className="num">{`${row.r}${row.f}${money ? row.m : ''}`}</td>
                <td className="nowrap">
                  <span
                    className="swatch"
                    style={{ background: rfmSegmentColour(segment, scheme) }}
                    aria-hidden="true"
                  />
                  {names.node(segment)}
                </td>
                {valued && row.value && (
                  <>
                    <td className="num">{format.percent(row.value.pAlive)}</td>
                    <td className="num">{format.fixedAmount(row.value.expectedPurchases, 2)}</td>
                    {withClv && <td className="num">{fixedOrDash(row.value.clv)}</td>}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </TableScroll>
      <nav className="pager" aria-label={t('ui.customers.pages')}>
        <button
          type="button"
          disabled={query.page === 0}
          onClick={() => setQuery({ page: query.page - 1 })}
        >
          {t('ui.customers.previous')}
        </button>
        <span>
          {t('ui.customers.page', {
            page: Math.min(query.page + 1, pages),
            pages,
            total,
          })}
        </span>
        <button
          type="button"
          disabled={query.page + 1 >= pages}
          onClick={() => setQuery({ page: query.page + 1 })}
        >
          {t('ui.customers.next')}
        </button>
      </nav>
    </div>
  );
}
