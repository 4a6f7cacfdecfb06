import type { StageProgress } from '../common/progress';
import { isUserError, UserError } from '../common/userError';
import type { RfmResult, RfmSettings } from '../rfm/rfm';
import { rfmTable } from '../rfm/rfmClustering';
import { cellIndex, meanCell, type SegmentScheme } from '../rfm/rfmSegments';
import type { AnalysisSession } from '../session/session';
import { assignSegments } from './assignSegments';
import type { ModelFile, RfmModel } from './modelFile';
import { restoreRfmSettings } from './modelSettings';
import {
  APPLY_REASONS,
  prepareRows,
  requireModelColumns,
  type ApplyReason,
  type UnseenCategories,
} from './prepareRows';
import { MONETARY_MARGIN, scoreAgainst } from './rfmCuts';

/** A model applied to a file: every row's (or, for RFM, every customer's) segment. */
export interface ApplyResult {
  kind: 'rows' | 'rfm';
  /**
   * Per record of the file (RFM: per customer): the segment, or -1 (DBSCAN's noise, or a row set
   * aside; `reason` tells which).
   */
  segment: Int32Array;
  /** Distance to the segment's centre (DBSCAN: to the core row joined); NaN where none. */
  distance: Float64Array;
  /** Per record (RFM: per customer): APPLY_SCORED or why it was set aside. */
  reason: Uint8Array;
  /** Per record set aside for a value: the column that holds it (see PreparedRows). */
  setAsideColumn: (string | null)[];
  /** The scored records (RFM: customers), ascending. */
  scored: Int32Array;
  /** Scored rows in each segment, and in none (DBSCAN's noise). */
  sizes: number[];
  noise: number;
  setAside: { reason: ApplyReason; count: number }[];
  /** Per kept feature: its mean over the scored rows, before scaling (for drift). */
  featureMeans: Float64Array;
  unseen: UnseenCategories[];
  /** RFM models: the customers with their scores against the saved cut points. */
  rfm: AppliedRfm | null;
}

export interface AppliedRfm {
  /** The new file's RFM with R, F, M and the cells scored against the saved cut points. */
  result: RfmResult;
  /** Each customer's named segment under the saved map. */
  named: Int32Array;
  namedSizes: number[];
}

const applied = new WeakMap<AnalysisSession, WeakMap<ModelFile, ApplyResult>>();

/**
 * Applies a saved model to the session's file, computed once per session and model: a model of
 * rows puts every row through the saved cleaning, scaling and clustering; an RFM model reads the
 * file's order lines with the saved mapping and date order, computes each customer's recency
 * (to the saved snapshot rule), frequency and monetary value, scores them against the saved cut
 * points, names them with the saved map, and clusters them with the saved centres.
 */
export function applyModel(
  session: AnalysisSession,
  model: ModelFile,
  onProgress?: StageProgress,
): ApplyResult {
  let bySession = applied.get(session);
  if (bySession === undefined) applied.set(session, (bySession = new WeakMap()));
  let result = bySession.get(model);
  if (result === undefined) {
    result =
      model.rfm === null
        ? applyToRows(session, model, onProgress)
        : applyRfm(session, model, model.rfm, onProgress);
    bySession.set(model, result);
  }
  onProgress?.(1);
  return result;
}

function applyToRows(
  session: AnalysisSession,
  model: ModelFile,
  onProgress?: StageProgress,
): ApplyResult {
  const prepared = prepareRows(session.table, model.preparation, model.source.fileName, (f) =>
    onProgress?.(0.5 * f),
  );
  const { rows, reason } = prepared;
  const assignment = assignSegments(
    prepared.matrix,
    rows.length,
    prepared.dims,
    model.clustering,
    (f) => onProgress?.(0.5 + 0.5 * f),
  );
  const n = reason.length;
  const segment = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n).fill(NaN);
  rows.forEach((row, r) => {
    segment[row] = assignment.segment[r];
    distance[row] = assignment.distance[r];
  });
  return {
    kind: 'rows',
    segment,
    distance,
    reason,
    setAsideColumn: prepared.setAsideColumn,
    scored: rows,
    ...sizesOf(assignment.segment, model.segments.length),
    setAside: APPLY_REASONS.map((name, i) => ({
      reason: name,
      count: reason.reduce((count, r) => count + (r === i + 1 ? 1 : 0), 0),
    })),
    featureMeans: prepared.featureMeans,
    unseen: prepared.unseen,
    rfm: null,
  };
}

function sizesOf(segments: Int32Array, k: number): { sizes: number[]; noise: number } {
  const sizes = new Array<number>(k).fill(0);
  let noise = 0;
  for (const s of segments) {
    if (s < 0) noise++;
    else sizes[s]++;
  }
  return { sizes, noise };
}

/** The RFM settings that read a file's order lines as the saved model read its own. */
export function appliedRfmSettings(rfm: RfmModel): RfmSettings {
  return {
    ...restoreRfmSettings({ mapping: rfm.mapping, dateOrder: rfm.dateOrder, snapshot: null }),
    snapshot: rfm.snapshot.rule === 'fixed' ? rfm.snapshot.at : null,
    cancellations: rfm.cancellations ?? 'auto',
  };
}

/**
 * The file's RFM under the saved settings. A saved snapshot before the file's last order is not
 * the user's to change here: the sentence says what applying such a model takes.
 */
function linesAndRfmOf(session: AnalysisSession, saved: RfmModel, onProgress?: StageProgress) {
  try {
    return session.linesAndRfm(appliedRfmSettings(saved), (_, f) => onProgress?.(0.5 * f));
  } catch (error) {
    if (
      isUserError(error) &&
      error.sentence.key === 'snapshotBeforeLastOrder' &&
      saved.snapshot.rule === 'fixed'
    )
      throw new UserError('bad-option', 'applySnapshotBeforeLastOrder', {
        snapshot: saved.snapshot.at,
        last: error.sentence.params?.last ?? NaN,
      });
    throw error;
  }
}

function applyRfm(
  session: AnalysisSession,
  model: ModelFile,
  saved: RfmModel,
  onProgress?: StageProgress,
): ApplyResult {
  const { table } = session;
  requireModelColumns(
    table,
    Object.values(saved.mapping).filter((name): name is string => name !== null),
    model.source.fileName,
  );
  const { rfm } = linesAndRfmOf(session, saved, onProgress);
  const scoredRfm = scoreCustomers(rfm, saved);
  const customers = rfm.customers.length;
  const named = Int32Array.from(scoredRfm.segment);
  const namedSizes = new Array<number>(saved.map.names.length).fill(0);
  for (const s of named) namedSizes[s]++;
  const prepared = prepareRows(rfmTable(scoredRfm), model.preparation, model.source.fileName);
  const assignment = assignSegments(
    prepared.matrix,
    prepared.rows.length,
    prepared.dims,
    model.clustering,
    (f) => onProgress?.(0.6 + 0.4 * f),
  );
  const segment = new Int32Array(customers).fill(-1);
  const distance = new Float64Array(customers).fill(NaN);
  prepared.rows.forEach((row, r) => {
    segment[row] = assignment.segment[r];
    distance[row] = assignment.distance[r];
  });
  const reason = prepared.reason;
  return {
    kind: 'rfm',
    segment,
    distance,
    reason,
    setAsideColumn: prepared.setAsideColumn,
    scored: prepared.rows,
    ...sizesOf(assignment.segment, model.segments.length),
    setAside: APPLY_REASONS.map((name, i) => ({
      reason: name,
      count: reason.reduce((count, r) => count + (r === i + 1 ? 1 : 0), 0),
    })),
    featureMeans: prepared.featureMeans,
    unseen: [],
    rfm: { result: scoredRfm, named, namedSizes },
  };
}

/** The customers' scores and cells against the saved cut points and means (not the new file's own). */
export function scoreCustomers(rfm: RfmResult, saved: RfmModel): RfmResult {
  const { cuts, means } = saved;
  const c = rfm.customers.length;
  const r = new Uint8Array(c);
  const f = new Uint8Array(c);
  const m = new Uint8Array(c);
  const grid = new Uint8Array(c);
  const mean = new Uint8Array(c);
  for (let i = 0; i < c; i++) {
    r[i] = scoreAgainst(rfm.recency[i], cuts.recency, false);
    f[i] = scoreAgainst(rfm.frequency[i], cuts.frequency, true);
    m[i] = scoreAgainst(rfm.monetary[i], cuts.monetary, true, MONETARY_MARGIN);
    grid[i] = cellIndex(r[i], f[i]);
    mean[i] = meanCell(
      rfm.recency[i] < means.recency,
      rfm.frequency[i] > means.frequency,
      rfm.monetary[i] > means.monetary * (1 + MONETARY_MARGIN),
    );
  }
  const cells: Record<SegmentScheme, Uint8Array> = { 'rf-grid': grid, 'rfm-mean': mean };
  const { map } = saved;
  return {
    ...rfm,
    r,
    f,
    m,
    cells,
    segment: Uint8Array.from(cells[map.scheme], (cell) => map.cells[cell]),
    segmentMap: { scheme: map.scheme, names: [...map.names], cells: [...map.cells] },
  };
}
