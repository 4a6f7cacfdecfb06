import { useRender } from './useRender';
import { COLUMN_KINDS } from '../store/vocabulary';
import type { ColumnKind } from '../core/read/inferColumns';
import { useStore } from '../store/useStore';
import { formatCount, formatNumber } from './format';

const KIND_NAMES: Record<ColumnKind, string> = {
  numeric: 'numeric',
  categorical: 'categorical',
  datetime: 'date/time',
  identifier: 'identifier',
  text: 'text',
};

/** Every column: its kind (changeable), missing and distinct counts, range, and "use as feature". */
export function ColumnsTable() {
  const dataset = useStore((s) => s.dataset);
  const render = useRender();
  const options = useStore((s) => s.options);
  const setKind = useStore((s) => s.setKind);
  const setFeature = useStore((s) => s.setFeature);
  const setOneHot = useStore((s) => s.setOneHot);
  if (!dataset) return null;
  const features = new Set(options.features ?? []);
  const oneHot = new Set(options.oneHot);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Columns</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Kind</th>
            <th scope="col">Use as feature</th>
            <th scope="col" className="num">
              Missing
            </th>
            <th scope="col" className="num">
              Unique
            </th>
            <th scope="col" className="num">
              Min
            </th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              Max
            </th>
            <th scope="col">Top values / note</th>
          </tr>
        </thead>
        <tbody>
          {dataset.columns.map((column) => {
            const kind = options.kinds[column.name] ?? column.kind;
            const usable = kind === 'numeric' || kind === 'categorical';
            const used =
              kind === 'numeric'
                ? features.has(column.name)
                : kind === 'categorical' && oneHot.has(column.name);
            const numeric = kind === 'numeric' && column.min !== null;
            return (
              <tr key={column.name}>
                <th scope="row">
                  {column.name}
                  {column.unit && <span className="unit"> ({column.unit})</span>}
                </th>
                <td>
                  <select
                    aria-label={`Kind of ${column.name}`}
                    value={kind}
                    onChange={(e) => setKind(column.name, e.target.value as ColumnKind)}
                  >
                    {COLUMN_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_NAMES[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Use ${column.name} as feature`}
                    checked={used}
                    disabled={!usable}
                    title={
                      usable
                        ? kind === 'categorical'
                          ? 'One-hot encoded: one 0/1 feature per category'
                          : undefined
                        : 'Change the kind to numeric or categorical to use it'
                    }
                    onChange={(e) =>
                      kind === 'numeric'
                        ? setFeature(column.name, e.target.checked)
                        : setOneHot(column.name, e.target.checked)
                    }
                  />
                  {kind === 'categorical' && <span className="hint"> one-hot</span>}
                </td>
                <td className="num">{formatCount(column.missing)}</td>
                <td className="num">{formatCount(column.unique)}</td>
                <td className="num">{numeric ? formatNumber(column.min) : ''}</td>
                <td className="num">{numeric ? formatNumber(column.mean) : ''}</td>
                <td className="num">{numeric ? formatNumber(column.max) : ''}</td>
                <td className="note">
                  {kind !== 'numeric' && column.top.length > 0 && (
                    <span>
                      {column.top
                        .slice(0, 3)
                        .map((t) => `${t.value} (${formatCount(t.count)})`)
                        .join(', ')}
                    </span>
                  )}
                  {column.note && <span className="hint"> {render(column.note)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
