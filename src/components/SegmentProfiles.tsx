import { useRender } from './useRender';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { formatCount, formatNumber, formatPercent, formatZ } from './format';
import { segmentColour, zBackground } from './palette';

/**
 * Each segment's size, share and feature means, each mean coloured by how far it lies from the
 * whole population (orange above, blue below) and stated in standard deviations too, so the
 * colour is never the only carrier of meaning.
 */
export function SegmentProfiles() {
  const kView = useStore(selectShownK);
  const render = useRender();
  if (!kView) return null;
  const { segments, population } = kView.profiles;
  const categorical = [...new Set(segments.flatMap((s) => s.topCategories.map((c) => c.column)))];
  return (
    <div className="table-scroll">
      <table className="data-table profiles">
        <caption>Segment profiles</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col" className="num">
              Share
            </th>
            {population.map((p) => (
              <th key={p.feature} scope="col" className="num">
                {p.feature}
              </th>
            ))}
            {categorical.map((column) => (
              <th key={column} scope="col">
                {column} (most common)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr key={segment.id}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: segmentColour(segment.id) }}
                  aria-hidden="true"
                />
                {segment.id < 0 ? 'Noise' : `${segment.id}: ${render(segment.label)}`}
              </th>
              <td className="num">{formatCount(segment.size)}</td>
              <td className="num">{formatPercent(segment.share)}</td>
              {segment.features.map((f) => (
                <td
                  key={f.feature}
                  className="num z-cell"
                  style={{ background: zBackground(f.z) }}
                  title={`median ${formatNumber(f.median)}`}
                >
                  {formatNumber(f.mean)}
                  <span className="z">{formatZ(f.z)}</span>
                </td>
              ))}
              {categorical.map((column) => {
                const top = segment.topCategories.find((c) => c.column === column);
                return (
                  <td key={column}>
                    {top ? `${top.value} (${formatPercent(top.share, 0)})` : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All analysed customers</th>
            <td className="num">{formatCount(segments.reduce((sum, s) => sum + s.size, 0))}</td>
            <td className="num">100%</td>
            {population.map((p) => (
              <td key={p.feature} className="num">
                {formatNumber(p.mean)}
              </td>
            ))}
            {categorical.map((column) => (
              <td key={column} />
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        Means per segment; the shade and the SD figure compare each mean with all analysed customers
        (orange above, blue below). Hover a cell for its median.
      </p>
    </div>
  );
}
