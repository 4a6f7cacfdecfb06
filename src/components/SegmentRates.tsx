import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateDifference } from '../core/profile/profileTypes';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { ColumnName, ColumnOption } from './ColumnName';
import { useFormats } from './format';
import { segmentColour } from './palette';
import { Data, useRenderNode, useRich, type UiKey } from './richText';
import { TableScroll } from './TableScroll';

type SortKey = 'segment' | 'column' | 'share' | 'overall' | 'points' | 'lift';

interface Row extends RateDifference {
  segment: number;
}

const COLUMNS: { key: SortKey; label: UiKey; numeric: boolean }[] = [
  { key: 'segment', label: 'ui.rates.segment', numeric: false },
  { key: 'column', label: 'ui.rates.value', numeric: false },
  { key: 'share', label: 'ui.rates.inSegment', numeric: true },
  { key: 'overall', label: 'ui.rates.overall', numeric: true },
  { key: 'points', label: 'ui.rates.points', numeric: true },
  { key: 'lift', label: 'ui.rates.lift', numeric: true },
];

/** The sort order of each column: by size of the gap for points, else by the value itself. */
function compare(a: Row, b: Row, key: SortKey): number {
  switch (key) {
    case 'segment':
      return a.segment - b.segment;
    case 'column':
      return (
        a.column.localeCompare(b.column) || a.value.localeCompare(b.value) || a.segment - b.segment
      );
    case 'share':
      return a.share - b.share;
    case 'overall':
      return a.overallShare - b.overallShare;
    case 'points':
      return Math.abs(a.points) - Math.abs(b.points);
    case 'lift':
      return (a.lift || 0) - (b.lift || 0);
  }
}

/**
 * How each segment differs from the whole base on every yes/no, category and 0/1 column (the
 * ones not clustered on too): its share of a value against everyone's, in points and as a lift,
 * largest gaps first. Only real differences by default; a segment with none says it matches.
 */
export function SegmentRates() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const kView = useStore(selectShownK);
  const [segment, setSegment] = useState('all');
  const [column, setColumn] = useState('');
  const [findingsOnly, setFindingsOnly] = useState(true);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'points',
    descending: true,
  });
  if (!kView) return null;
  const { segments } = kView.profiles;
  const all: Row[] = segments.flatMap((s) => s.rates.map((rate) => ({ ...rate, segment: s.id })));
  if (all.length === 0) return null;
  const columns = [...new Set(all.map((rate) => rate.column))].sort();
  const shown = all
    .filter(
      (row) =>
        (segment === 'all' || row.segment === Number(segment)) &&
        (column === '' || row.column === column) &&
        (!findingsOnly || row.finding),
    )
    .sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key));
  const matching = segments.filter((s) => s.rates.length > 0 && !s.rates.some((r) => r.finding));
  const sortBy = (key: SortKey) =>
    setSort((current) => ({
      key,
      descending: current.key === key ? !current.descending : key !== 'segment' && key !== 'column',
    }));
  const segmentName = (id: number) =>
    id < 0
      ? t('ui.segments.noise')
      : rich('ui.segments.named', {
          id,
          label: <>{render(segments.find((s) => s.id === id)!.label)}</>,
        });
  return (
    <div className="segment-rates">
      <h3>{t('ui.rates.heading')}</h3>
      <p className="hint">{t('ui.rates.intro')}</p>
      {matching.length > 0 && (
        <ul className="rates-verdicts">
          {matching.map((s) => (
            <li key={s.id}>{rich('ui.rates.matches', { segment: <>{segmentName(s.id)}</> })}</li>
          ))}
        </ul>
      )}
      <div className="controls">
        {/* Each label holds its control, so that the two wrap together on a phone. */}
        <label>
          {t('ui.rates.filterSegment')}
          <select value={segment} onChange={(e) => setSegment(e.target.value)}>
            <option value="all">{t('ui.rates.allSegments')}</option>
            {segments.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.id < 0 ? t('ui.segments.noise') : t('ui.rates.segmentNumber', { id: s.id })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ui.rates.filterColumn')}
          <select value={column} onChange={(e) => setColumn(e.target.value)}>
            <option value="">{t('ui.rates.allColumns')}</option>
            {columns.map((name) => (
              <ColumnOption key={name} name={name} />
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={findingsOnly}
            onChange={(e) => setFindingsOnly(e.target.checked)}
          />
          {t('ui.rates.findingsOnly')}
        </label>
      </div>
      <TableScroll
        className="data-table rates-table"
        caption={t('ui.rates.caption', { count: shown.length, total: all.length })}
      >
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, numeric }) => {
              const sorted = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  className={numeric ? 'num' : undefined}
                  aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                    {t(label)}
                    <span aria-hidden="true">{sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.segment}\u0000${row.column}\u0000${row.value}`}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: segmentColour(row.segment) }}
                  aria-hidden="true"
                />
                {segmentName(row.segment)}
              </th>
              <td>
                {rich(row.flag ? 'ui.rates.flagValue' : 'ui.rates.columnValue', {
                  column: <ColumnName name={row.column} />,
                  value: <Data>{row.value}</Data>,
                })}
              </td>
              <td
                className="num"
                title={t('ui.rates.counted', { count: row.count, rows: row.rows })}
              >
                {format.percent(row.share)}
              </td>
              <td className="num">{format.percent(row.overallShare)}</td>
              <td className="num">
                {t('ui.rates.pointsValue', {
                  sign: row.points > 0 ? '+' : row.points < 0 ? '−' : '',
                  points: format.fixed(Math.abs(row.points), 1),
                })}
              </td>
              <td className="num">
                {Number.isFinite(row.lift) ? `×${format.fixed(row.lift, 2)}` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
      {shown.length === 0 && <p className="hint">{t('ui.rates.noneShown')}</p>}
    </div>
  );
}
