import { mappingProblem } from '../core/rfm/transactionMapping';
import type { KView } from '../worker/analysisApi';
import type { State } from './types';

/** The results for the k on show. */
export function selectShownK(state: State): KView | null {
  if (!state.view || state.selectedK === null) return null;
  return state.view.perK.find((p) => p.k === state.selectedK) ?? null;
}

/** True when the options (or the RFM settings) changed since the results on show were computed. */
export function selectIsStale(state: State): boolean {
  if (state.view === null) return false;
  if (state.viewOptions !== state.options) return true;
  return state.mode === 'transactions'
    ? state.viewRfm !== state.rfmSettings
    : state.viewRfm !== null;
}

/**
 * What RFM still needs from the user before it can run (a column, the date order), as a
 * sentence; null when it can run.
 */
export function selectRfmBlocker(state: State): string | null {
  const { mapping, dateOrder } = state.rfmSettings;
  const problem = mappingProblem(mapping);
  if (problem !== null) return problem;
  const dateColumn = state.dataset?.columns.find((c) => c.name === mapping.date);
  if (dateColumn?.dateOrderAmbiguous && dateOrder === null)
    return `Say how the dates in ${mapping.date} are written: day first or month first.`;
  return null;
}

export interface ScatterSeries {
  id: number;
  label: string;
  points: { x: number; y: number }[];
}

/** The scatter's points grouped by segment, and each segment's centre, on the chosen axes. */
export function scatterSeries(kView: KView, axisIds: string[], x: string, y: string) {
  const m = kView.scatter.labels.length;
  const xi = axisIds.indexOf(x);
  const yi = axisIds.indexOf(y);
  const labels = new Map(kView.profiles.segments.map((s) => [s.id, s.label]));
  const series = new Map<number, ScatterSeries>();
  for (const segment of kView.profiles.segments)
    series.set(segment.id, { id: segment.id, label: segment.label, points: [] });
  if (xi === -1 || yi === -1)
    return { series: [...series.values()], centres: [], shown: 0, extent: [] };
  const { coordinates, centres: centreCoordinates, labels: pointLabels } = kView.scatter;
  let shown = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let s = 0; s < m; s++) {
    const px = coordinates[xi * m + s];
    const py = coordinates[yi * m + s];
    // Rows whose value is missing on an original-feature axis cannot be placed.
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    series.get(pointLabels[s])?.points.push({ x: px, y: py });
    shown++;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const extent =
    shown > 0
      ? [
          { x: minX, y: minY },
          { x: maxX, y: maxY },
        ]
      : [];
  const k = kView.k;
  const centres = kView.profiles.segments
    .filter((segment) => segment.id >= 0)
    .map((segment) => ({
      id: segment.id,
      label: labels.get(segment.id) ?? '',
      x: centreCoordinates[xi * k + segment.id],
      y: centreCoordinates[yi * k + segment.id],
    }));
  return { series: [...series.values()], centres, shown, extent };
}
