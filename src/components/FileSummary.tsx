import { useRender } from './useRender';
import { DELIMITERS, DELIMITER_LABELS, ENCODINGS, ENCODING_LABELS } from '../store/vocabulary';
import type { Encoding } from '../core/read/detectEncoding';
import type { Delimiter } from '../core/read/dialect';
import { useStore } from '../store/useStore';
import { formatBytes, formatCount } from './format';

/** What was read: file, size, rows, columns, dialect and encoding (both changeable), warnings. */
export function FileSummary() {
  const dataset = useStore((s) => s.dataset);
  const render = useRender();
  const reread = useStore((s) => s.reread);
  const busy = useStore((s) => s.phase === 'loading');
  if (!dataset) return null;
  return (
    <div className="file-summary">
      <dl className="facts">
        <div>
          <dt>File</dt>
          <dd>{dataset.fileName}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(dataset.fileSize)}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{formatCount(dataset.rowCount)}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{dataset.columns.length}</dd>
        </div>
      </dl>
      <div className="controls">
        <label>
          Delimiter
          <select
            value={dataset.delimiter}
            disabled={busy}
            onChange={(e) => void reread({ delimiter: e.target.value as Delimiter })}
          >
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {DELIMITER_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Encoding
          <select
            value={dataset.encoding}
            disabled={busy}
            onChange={(e) => void reread({ encoding: e.target.value as Encoding })}
          >
            {ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {ENCODING_LABELS[encoding]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Decimal separator
          <select
            value={dataset.decimal}
            disabled={busy}
            onChange={(e) => void reread({ decimal: e.target.value as '.' | ',' })}
          >
            <option value=".">point (12.5)</option>
            <option value=",">comma (12,5)</option>
          </select>
        </label>
        <p className="hint">Encoding detected from {render(dataset.encodingReason)}.</p>
      </div>
      {(dataset.malformedRows > 0 || dataset.notes.length > 0) && (
        <div className="warnings">
          <h3>Reading notes</h3>
          <ul>
            {dataset.notes.map(render).map((note) => (
              <li key={note}>{note}</li>
            ))}
            {dataset.malformedRows > 0 && (
              <li>
                {formatCount(dataset.malformedRows)} {dataset.malformedRows === 1 ? 'row' : 'rows'}{' '}
                could not be read into the columns and {dataset.malformedRows === 1 ? 'is' : 'are'}{' '}
                set aside:
                <ul>
                  {dataset.issues.slice(0, 10).map((issue) => (
                    <li key={issue.row}>
                      line {issue.line}: {render(issue.reason)}
                    </li>
                  ))}
                  {dataset.issues.length > 10 && (
                    <li>
                      … and {formatCount(dataset.malformedRows - 10)} more (see the cleaning report)
                    </li>
                  )}
                </ul>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
