import { selectSegmentMapProblem } from '../store/selectors';
import { useState } from 'react';
import { cellIndex, SCORE_LEVELS } from '../store/vocabulary';
import { useStore } from '../store/useStore';
import { formatCount } from './format';
import { rfmSegmentColour } from './palette';

const DESCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => SCORE_LEVELS - i);
const ASCENDING = Array.from({ length: SCORE_LEVELS }, (_, i) => i + 1);

/**
 * The 5 x 5 grid of recency score by frequency score: customers per cell, coloured and named by
 * segment. "Edit segments" renames segments and moves cells between them; every table and export
 * follows at once.
 */
export function RfmGrid() {
  const rfmView = useStore((s) => s.rfmView);
  const map = useStore((s) => s.segmentMap);
  const renameSegment = useStore((s) => s.renameSegment);
  const reassignCell = useStore((s) => s.reassignCell);
  const resetSegmentMap = useStore((s) => s.resetSegmentMap);
  const problem = useStore(selectSegmentMapProblem);
  const [editing, setEditing] = useState(false);
  if (!rfmView) return null;
  return (
    <div className="rfm-grid">
      <div className="table-scroll">
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
                {ASCENDING.map((f) => {
                  const cell = cellIndex(r, f);
                  const segment = map.cells[cell];
                  return (
                    <td
                      key={f}
                      className="grid-cell"
                      style={{ background: rfmSegmentColour(segment) }}
                    >
                      <span className="grid-cell__count">
                        {formatCount(rfmView.cells.count[cell])}
                      </span>
                      {editing ? (
                        <select
                          aria-label={`Segment of R ${r} F ${f}`}
                          value={segment}
                          onChange={(e) => reassignCell(r, f, Number(e.target.value))}
                        >
                          {map.names.map((name, s) => (
                            <option key={s} value={s}>
                              {name || `(segment ${s + 1})`}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="grid-cell__name">{map.names[segment]}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        R 5 bought most recently, F 5 ordered most often; scores keep equal values together.{' '}
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
            Back to the classic segments
          </button>
        </fieldset>
      )}
      <p className="problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
