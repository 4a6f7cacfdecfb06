import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnKind } from '../core/read/inferColumns';
import { columnKinds } from '../store/selectors';
import { useStore } from '../store/useStore';
import { COLUMN_KINDS } from '../store/vocabulary';
import { useFormats } from './format';
import { Data, useJoin, useRenderNode, useRich, type UiKey } from './richText';
import { ColumnName } from './ColumnName';
import { TableScroll } from './TableScroll';

const KIND_NAMES = {
  numeric: 'ui.columns.kindName.numeric',
  categorical: 'ui.columns.kindName.categorical',
  datetime: 'ui.columns.kindName.datetime',
  identifier: 'ui.columns.kindName.identifier',
  text: 'ui.columns.kindName.text',
} as const satisfies Record<ColumnKind, UiKey>;

/** Every column: its kind (changeable), missing and distinct counts, range, and "use as feature". */
export function ColumnsTable() {
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
  const render = useRenderNode();
  const format = useFormats();
  const dataset = useStore((s) => s.dataset);
  const options = useStore((s) => s.options);
  const setKind = useStore((s) => s.setKind);
  const setFeature = useStore((s) => s.setFeature);
  const setOneHot = useStore((s) => s.setOneHot);
  // Ids of the sentences that say why a row's column cannot be used (by row, never by name).
  const ids = useId();
  if (!dataset) return null;
  const features = new Set(options.features ?? []);
  const oneHot = new Set(options.oneHot);
  const kinds = columnKinds(dataset, options);
  return (
    <TableScroll
      className="data-table columns-table"
      caption={t('ui.columns.caption')}
      captionHidden
    >
      <thead>
        <tr>
          <th scope="col">{t('ui.columns.column')}</th>
          <th scope="col">{t('ui.columns.kind')}</th>
          <th scope="col">{t('ui.columns.useAsFeature')}</th>
          <th scope="col" className="num">
            {t('ui.columns.missing')}
          </th>
          <th scope="col" className="num">
            {t('ui.columns.unique')}
          </th>
          <th scope="col" className="num">
            {t('ui.columns.min')}
          </th>
          <th scope="col" className="num">
            {t('ui.columns.mean')}
          </th>
          <th scope="col" className="num">
            {t('ui.columns.max')}
          </th>
          <th scope="col">{t('ui.columns.topValues')}</th>
        </tr>
      </thead>
      <tbody>
        {dataset.columns.map((column, j) => {
          const kind = kinds[j];
          // Made numeric, a column with no numbers in it has nothing to cluster on: say so.
          const noNumbers = kind === 'numeric' && column.min === null;
          const usable = (kind === 'numeric' && !noNumbers) || kind === 'categorical';
          const problemId = noNumbers ? `${ids}-${j}` : undefined;
          const used =
            kind === 'numeric'
              ? features.has(column.name)
              : kind === 'categorical' && oneHot.has(column.name);
          const numeric = kind === 'numeric' && column.min !== null;
          return (
            <Fragment key={column.name}>
              <tr className={problemId ? 'columns-table__flagged' : undefined}>
                <th scope="row">
                  <ColumnName name={column.name} />
                  {column.unit && (
                    <span className="unit">
                      {' '}
                      {rich('ui.columns.unit', { unit: <Data>{column.unit}</Data> })}
                    </span>
                  )}
                </th>
                <td>
                  <select
                    aria-label={t('ui.columns.kindOf', { column: column.name })}
                    value={kind}
                    aria-describedby={problemId}
                    onChange={(e) => setKind(column.name, e.target.value as ColumnKind)}
                  >
                    {COLUMN_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(KIND_NAMES[k])}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('ui.columns.use', { column: column.name })}
                    checked={used}
                    disabled={!usable}
                    aria-describedby={problemId}
                    title={
                      usable
                        ? kind === 'categorical'
                          ? t('ui.columns.oneHotTitle')
                          : undefined
                        : noNumbers
                          ? undefined
                          : t('ui.columns.unusableTitle')
                    }
                    onChange={(e) =>
                      kind === 'numeric'
                        ? setFeature(column.name, e.target.checked)
                        : setOneHot(column.name, e.target.checked)
                    }
                  />
                  {kind === 'categorical' && (
                    <span className="hint nowrap"> {t('ui.columns.oneHot')}</span>
                  )}
                </td>
                <td className="num">{format.count(column.missing)}</td>
                <td className="num">{format.count(column.unique)}</td>
                <td className="num">{numeric ? format.number(column.min) : ''}</td>
                <td className="num">{numeric ? format.number(column.mean) : ''}</td>
                <td className="num">{numeric ? format.number(column.max) : ''}</td>
                <td className="note">
                  {kind !== 'numeric' && column.top.length > 0 && (
                    <span>
                      {join(
                        column.top.slice(0, 3).map((top) =>
                          rich('ui.columns.topValue', {
                            value: <Data>{top.value}</Data>,
                            count: top.count,
                          }),
                        ),
                      )}
                    </span>
                  )}
                  {column.note && <span className="hint"> {render(column.note)}</span>}
                </td>
              </tr>
              {problemId && (
                // Its own row under the column's, held at the left of the box that scrolls sideways,
                // so that a phone shows it beside the kind that led to it.
                <tr className="columns-table__problem">
                  <td colSpan={9}>
                    <p id={problemId} className="column-problem">
                      {rich('ui.columns.noNumbers', { column: <ColumnName name={column.name} /> })}
                    </p>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </TableScroll>
  );
}
