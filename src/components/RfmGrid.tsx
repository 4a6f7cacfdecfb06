import { useState } from 'react';
import type { SegmentScheme } from '../core/rfm/rfmSegments';
import { selectNamedSegmentMap, selectSegmentMapProblem } from '../store/selectors';
import { useStore } from '../store/useStore';
import { cellIndex, MEAN_CELL_SCORES, SCORE_LEVELS } from '../store/vocabulary';
import { formatCount } from './format';
import { rfmSegmentColour } from './palette';
import { useRender } from './useRender';

const DESCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => SCORE_LEVELS - i);
const ASCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => i + 1);

/**
 * The named segments' cells, with customers per cell, coloured and named by segment: the 5 x 5
 * grid of recency score by frequency score, or R, F and M above or below the mean. "Edit
 * segments" renames segments and moves cells between them; every table and export follows.
 */
export function RfmGrid() {
  const rfmView = useStore((s) => s.rfmView);
  const map = useStore(selectNamedSegmentMap);
  const renameSegment = useStore((s) => s.renameSegment);
  const reassignCell = useStore((s) => s.reassignCell);
  const resetSegmentMap = useStore((s) => s.resetSegmentMap);
  const setScheme = useStore((s) => s.setSegmentScheme);
  const problem = useStore(selectSegmentMapProblem);
  const render = useRender();
  const [editing, setEditing] = useState(false);
  if (!rfmView) return null;
  const counts = rfmView.cells[map.scheme].count;
  const cellContent = (cell: number, name: string) => {
    const segment = map.cells[cell];
    return (
      <td key={cell} className="grid-cell" style={{ background: rfmSegmentColour(segment) }}>
        <span className="grid-cell__count">{formatCount(counts[cell])}</span>
        {editing ? (
          <select
            aria-label={`Segment of ${name}`}
            value={segment}
            onChange={(e) => reassignCell(cell, Number(e.target.value))}
          >
            {map.names.map((segmentName, s) => (
              <option key={s} value={s}>
                {segmentName || `(segment ${s + 1})`}
              </option>
            ))}
          </select>
        ) : (
          <span className="grid-cell__name" translate="no">
            {map.names[segment]}
          </span>
        )}
      </td>
    );
  };
  return (
    <div className="rfm-grid">
      <label>
        Named segments
        <select value={map.scheme} onChange={(e) => setScheme(e.target.value as SegmentScheme)}>
          <option value="rf-grid">Ten segments by recency and frequency scores</option>
          <option value="rfm-mean">Eight segments by R, F and M above or below the mean</option>
        </select>
      </label>
      <div className="table-scroll">
        {map.scheme === 'rf-grid' ? (
          <table className="data-table grid-table">
            <caption>Customers by recency score (R) and frequency score (F)</caption>
            <thead>
              <tr>
                <th scope="col" className="grid-corner">
                  R \ F
                </th>
                {ASCENDING.map((f) => (
                  <th key={f} scope="col" className="num">
                    F {f}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {DESCENDING.map((r) => (
                <tr key={r}>
                  <th scope="row">R {r}</th>
                  {ASCENDING.map((f) => cellContent(cellIndex(r, f), `R ${r} F ${f}`))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="data-table grid-table">
            <caption>Customers by R, F and M above or below the mean</caption>
            <thead>
              <tr>
                <th scope="col">R</th>
                <th scope="col">F</th>
                <th scope="col">M</th>
                <th scope="col" className="num">
                  Customers and segment
                </th>
              </tr>
            </thead>
            <tbody>
              {MEAN_CELL_SCORES.map(({ cell, r, f, m }) => {
                const level = (high: boolean) => (high ? '↑' : '↓');
                return (
                  <tr key={cell}>
                    <td>{level(r)}</td>
                    <td>{level(f)}</td>
                    <td>{level(m)}</td>
                    {cellContent(cell, `R ${level(r)} F ${level(f)} M ${level(m)}`)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <p className="hint">
        {map.scheme === 'rf-grid'
          ? 'R 5 bought most recently, F 5 ordered most often; scores keep equal values together.'
          : '↑: more recent than the mean purchase, more orders than the mean, more money than the mean.'}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Done editing segments' : 'Edit segments'}
        </button>
      </p>
      {editing && (
        <fieldset className="segment-names">
          <legend>Segment names</legend>
          {map.names.map((name, s) => (
            <label key={s}>
              <span className="swatch" style={{ background: rfmSegmentColour(s) }} aria-hidden />
              <input
                type="text"
                aria-label={`Name of segment ${s + 1}`}
                value={name}
                onChange={(e) => renameSegment(s, e.target.value)}
              />
            </label>
          ))}
          <button type="button" onClick={resetSegmentMap}>
            Back to the default names
          </button>
        </fieldset>
      )}
      <p className="problem" aria-live="polite">
        {problem && render(problem)}
      </p>
    </div>
  );
}
