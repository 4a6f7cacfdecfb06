import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentScheme } from '../core/rfm/rfmSegments';
import { selectNamedSegmentMap, selectSegmentMapProblem } from '../store/selectors';
import { useStore } from '../store/useStore';
import { cellIndex, MEAN_CELL_SCORES, SCORE_LEVELS } from '../store/vocabulary';
import { useFormats } from './format';
import { rfmSegmentColour } from './palette';
import { useRenderNode } from './richText';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

const DESCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => SCORE_LEVELS - i);
const ASCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => i + 1);

/**
 * The named segments' cells, with customers per cell, coloured and named by segment: the 5 x 5
 * grid of recency score by frequency score, or R, F and M above or below the mean. "Edit
 * segments" renames segments and moves cells between them; every table and export follows.
 */
export function RfmGrid() {
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
  const names = useSegmentNames();
  const rfmView = useStore((s) => s.rfmView);
  const map = useStore(selectNamedSegmentMap);
  const renameSegment = useStore((s) => s.renameSegment);
  const reassignCell = useStore((s) => s.reassignCell);
  const resetSegmentMap = useStore((s) => s.resetSegmentMap);
  const setScheme = useStore((s) => s.setSegmentScheme);
  const problem = useStore(selectSegmentMapProblem);
  const [editing, setEditing] = useState(false);
  if (!rfmView) return null;
  const counts = rfmView.cells[map.scheme].count;
  const level = (high: boolean) => (high ? t('ui.grid.above') : t('ui.grid.below'));
  const cellContent = (cell: number, name: string) => {
    const segment = map.cells[cell];
    return (
      <td
        key={cell}
        className="grid-cell"
        style={{ background: rfmSegmentColour(segment, map.scheme) }}
      >
        <span className="grid-cell__count">{format.count(counts[cell])}</span>
        {editing ? (
          <select
            aria-label={t('ui.grid.segmentOf', { cell: name })}
            value={segment}
            onChange={(e) => reassignCell(cell, Number(e.target.value))}
          >
            {map.names.map((segmentName, s) => (
              <option key={s} value={s} translate={names.typed(s) ? 'no' : undefined}>
                {segmentName || t('ui.grid.unnamed', { number: s + 1 })}
              </option>
            ))}
          </select>
        ) : (
          <span className="grid-cell__name">{names.node(segment)}</span>
        )}
      </td>
    );
  };
  return (
    <div className="rfm-grid">
      <div className="controls">
        <label>
          {t('ui.grid.scheme')}
          <select value={map.scheme} onChange={(e) => setScheme(e.target.value as SegmentScheme)}>
            <option value="rf-grid">{t('ui.grid.schemeGrid')}</option>
            {/* The mean segments split on M: without money they are not offered. */}
            <option value="rfm-mean" disabled={!rfmView.hasMoney}>
              {t('ui.grid.schemeMean')}
            </option>
          </select>
        </label>
      </div>
      {map.scheme === 'rf-grid' ? (
        <TableScroll className="data-table grid-table" caption={t('ui.grid.gridCaption')}>
          <thead>
            <tr>
              <th scope="col" className="grid-corner">
                {t('ui.grid.corner')}
              </th>
              {ASCENDING.map((f) => (
                <th key={f} scope="col" className="num">
                  {t('ui.grid.f', { score: f })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DESCENDING.map((r) => (
              <tr key={r}>
                <th scope="row">{t('ui.grid.r', { score: r })}</th>
                {ASCENDING.map((f) =>
                  cellContent(cellIndex(r, f), t('ui.grid.gridCell', { r, f })),
                )}
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : (
        <TableScroll className="data-table grid-table" caption={t('ui.grid.meanCaption')}>
          <thead>
            <tr>
              <th scope="col" className="grid-level">
                R
              </th>
              <th scope="col" className="grid-level">
                F
              </th>
              <th scope="col" className="grid-level">
                M
              </th>
              <th scope="col" className="num">
                {t('ui.grid.customersAndSegment')}
              </th>
            </tr>
          </thead>
          <tbody>
            {MEAN_CELL_SCORES.map(({ cell, r, f, m }) => (
              <tr key={cell}>
                <td className="grid-level">{level(r)}</td>
                <td className="grid-level">{level(f)}</td>
                <td className="grid-level">{level(m)}</td>
                {cellContent(
                  cell,
                  t('ui.grid.meanCell', { r: level(r), f: level(f), m: level(m) }),
                )}
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      <p className="hint">
        {map.scheme === 'rf-grid' ? t('ui.grid.gridHint') : t('ui.grid.meanHint')}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {editing ? t('ui.grid.doneEditing') : t('ui.grid.edit')}
        </button>
      </p>
      {editing && (
        <fieldset className="segment-names">
          <legend>{t('ui.grid.names')}</legend>
          {map.names.map((name, s) => (
            <label key={s}>
              <span
                className="swatch"
                style={{ background: rfmSegmentColour(s, map.scheme) }}
                aria-hidden
              />
              <input
                type="text"
                aria-label={t('ui.grid.nameOf', { number: s + 1 })}
                value={name}
                onChange={(e) => renameSegment(s, e.target.value)}
              />
            </label>
          ))}
          <button type="button" onClick={resetSegmentMap}>
            {t('ui.grid.reset')}
          </button>
        </fieldset>
      )}
      <p className="problem" aria-live="polite">
        {problem && render(problem)}
      </p>
    </div>
  );
}
