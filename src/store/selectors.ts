import { effectiveKinds, type AnalysisOptions } from '../core/analysis/analysisOptions';
import { message, type Message } from '../core/common/message';
import type { ColumnKind } from '../core/read/inferColumns';
import type { DatasetSummary } from '../core/session/datasetSummary';
import {
  nameSegments,
  segmentMapProblem,
  type NamedSegmentMap,
  type SegmentMap,
} from '../core/rfm/rfmSegments';
import type { RfmView } from '../core/session/rfmView';
import { renderMessage } from '../i18n/formatMessage';
import type { Language } from '../i18n/languages';
import {
  clusterSegmentTable,
  segmentSummary,
  type SegmentSummaryRow,
} from '../core/rfm/rfmSummary';
import { mappingProblem } from '../core/rfm/transactionMapping';
import type { SegmentsAtK } from '../core/session/segmentationView';
import type { State } from './types';

/** Each column's kind after the user's corrections, in the file's column order. */
export function columnKinds(
  dataset: DatasetSummary | null,
  options: Pick<AnalysisOptions, 'kinds'>,
): ColumnKind[] {
  return dataset === null ? [] : effectiveKinds(dataset.columns, options.kinds);
}

/** The results for the k on show. */
export function selectShownK(state: State): SegmentsAtK | null {
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

/** Work is under way or about to start (a change waits for the user to pause). */
export function selectBusy(state: State): boolean {
  return state.phase !== 'idle' && state.phase !== 'ready'
    ? true
    : state.scheduledAnalysis !== null ||
        state.basketsProgress !== null ||
        state.valueProgress !== null ||
        state.applyProgress !== null;
}

/**
 * What RFM still needs from the user before it can run (a column, the date order), as a
 * sentence; null when it can run.
 */
export function selectRfmBlocker(state: State): Message | null {
  const { mapping, dateOrder } = state.rfmSettings;
  const problem = mappingProblem(mapping);
  if (problem !== null) return problem;
  const dateColumn = state.dataset?.columns.find((c) => c.name === mapping.date);
  if (dateColumn?.dateOrderAmbiguous && dateOrder === null)
    return message('rfmSayDateOrder', { column: mapping.date ?? '' });
  return null;
}

export interface ScatterSeries {
  id: number;
  label: Message;
  points: { x: number; y: number }[];
}

/** The scatter's points grouped by segment, and each segment's centre, on the chosen axes. */
export function scatterSeries(kView: SegmentsAtK, axisIds: string[], x: string, y: string) {
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

/** The last result of a function of two values, kept while the values stay the same objects. */
function lastOf<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; result: R } | null = null;
  return (a, b) => {
    if (last === null || last.a !== a || last.b !== b) last = { a, b, result: compute(a, b) };
    return last.result;
  };
}

const namedMapOf = lastOf((map: SegmentMap, language: Language) =>
  nameSegments(map, (name) => renderMessage(language, name)),
);

/** The segment map with every name as a text in the page's language (defaults translated). */
export function selectNamedSegmentMap(state: State): NamedSegmentMap {
  return namedMapOf(state.segmentMap, state.language);
}

const summaryOf = lastOf((cells: RfmView['cells'], map: NamedSegmentMap) =>
  segmentSummary(cells[map.scheme], map),
);

/** The named segments' summary under the page's segment map (customers, means, revenue). */
export function selectRfmSegmentSummary(state: State): SegmentSummaryRow[] | null {
  return state.rfmView ? summaryOf(state.rfmView.cells, selectNamedSegmentMap(state)) : null;
}

const crossTableOf = lastOf((shown: SegmentsAtK, map: NamedSegmentMap) =>
  shown.rfmCells === null ? null : clusterSegmentTable(shown.rfmCells[map.scheme], shown.k, map),
);

/** Customers per cluster (rows) and named segment (columns), for the clusters on show. */
export function selectClusterSegmentTable(state: State): number[][] | null {
  const shown = selectShownK(state);
  return shown ? crossTableOf(shown, selectNamedSegmentMap(state)) : null;
}

const mapProblemOf = lastOf((map: NamedSegmentMap, _: null) => segmentMapProblem(map));

/** What is wrong with the segment map as the user left it (a blank or repeated name), or null. */
export function selectSegmentMapProblem(state: State): Message | null {
  return mapProblemOf(selectNamedSegmentMap(state), null);
}
