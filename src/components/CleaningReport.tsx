import { useRender } from './useRender';
import type { DropReason } from '../core/clean/cleanOptions';
import { useStore } from '../store/useStore';
import { formatCount, formatNumber } from './format';

const REASONS: Record<DropReason, string> = {
  malformed: 'could not be read (wrong number of fields or broken quotes)',
  duplicate: 'exact duplicates of an earlier row',
  missing: 'missing a value in a feature',
  outlier: 'outliers',
};

/** Rows read = analysed + set aside (by reason); what was filled in or clipped. */
export function CleaningReport() {
  const view = useStore((s) => s.view);
  const render = useRender();
  const download = useStore((s) => s.downloadCleaningReport);
  if (!view) return null;
  const { cleaning } = view;
  const setAside = cleaning.read - cleaning.kept;
  return (
    <div className="cleaning-report">
      <h3>Cleaning report</h3>
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">Rows read, analysed and set aside</caption>
        <tbody>
          <tr>
            <th scope="row">Rows read</th>
            <td className="num">{formatCount(cleaning.read)}</td>
          </tr>
          <tr>
            <th scope="row">Rows analysed</th>
            <td className="num">{formatCount(cleaning.kept)}</td>
          </tr>
          <tr>
            <th scope="row">Rows set aside</th>
            <td className="num">{formatCount(setAside)}</td>
          </tr>
          {(Object.keys(REASONS) as DropReason[]).map((reason) =>
            cleaning.dropped[reason] > 0 ? (
              <tr key={reason}>
                <th scope="row" className="indent">
                  {REASONS[reason]}
                </th>
                <td className="num">{formatCount(cleaning.dropped[reason])}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      <ul className="notes">
        {cleaning.imputed.map((item) => (
          <li key={item.column}>
            {item.column}: {formatCount(item.count)} missing {item.count === 1 ? 'value' : 'values'}{' '}
            filled with {typeof item.value === 'number' ? formatNumber(item.value) : item.value} (
            {item.strategy})
          </li>
        ))}
        {cleaning.clipped.map((item) => (
          <li key={item.column}>
            {item.column}: {formatCount(item.count)} {item.count === 1 ? 'outlier' : 'outliers'}{' '}
            clipped to {formatNumber(item.low)} – {formatNumber(item.high)}
          </li>
        ))}
        {[...new Set([...cleaning.notes, ...view.notes].map(render))].map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" onClick={() => void download()}>
        Download cleaning report
      </button>
      <span className="hint"> The rows set aside, each with its line, reason and cells.</span>
    </div>
  );
}
