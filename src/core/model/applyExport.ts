import { effectiveKinds } from '../analysis/analysisOptions';
import { message } from '../common/message';
import {
  exportFileName,
  numberColumns,
  segmentCsvParts,
  setAsideCsvParts,
} from '../export/exportCsv';
import { rfmCsvParts } from '../rfm/rfmExport';
import { nameSegments } from '../rfm/rfmSegments';
import type { AnalysisSession } from '../session/session';
import { rfmSetAsideExport, type ExportParts, type Render } from '../session/sessionExports';
import { applyModel } from './applyModel';
import { segmentText, type ModelFile } from './modelFile';
import { restoreOptions } from './modelSettings';
import { APPLY_REASONS } from './prepareRows';

const REASON_LABELS = {
  malformed: 'applyReasonMalformed',
  missing: 'applyReasonMissing',
  negative: 'applyReasonNegative',
  outlier: 'applyReasonOutlier',
} as const;

/**
 * The applied model as a download, written by the same writers as the analysis' own exports: for
 * a model of rows, every scored row's original cells with `segment` and `segment_label` (all
 * segments, with the records set aside and their `set_aside_reason`, or one segment's); for an RFM model, the per-customer table (all customers, or one named
 * segment's) with the saved scores, named segments and clusters.
 */
export function applyExport(
  session: AnalysisSession,
  model: ModelFile,
  render: Render,
  segment: number | null = null,
): ExportParts {
  const result = applyModel(session, model);
  if (result.rfm !== null && model.rfm !== null) {
    const map = nameSegments(result.rfm.result.segmentMap, render);
    const parts = rfmCsvParts({
      rfm: result.rfm.result,
      map,
      clusters: result.segment,
      clusterLabels: new Map(model.segments.map((s) => [s.id, segmentText(s, render)])),
      segment: segment ?? undefined,
    });
    const suffix =
      segment === null
        ? message('applyExportRfm')
        : message('exportRfmSegment', { segment: map.names[segment] ?? '' });
    return { parts, fileName: exportFileName(session.fileName, render(suffix)) };
  }
  const labels = new Map(model.segments.map((s) => [s.id, segmentText(s, render)]));
  if (model.clustering.algorithm === 'dbscan') labels.set(-1, render(message('labelNoise')));
  const parts = segmentCsvParts({
    table: session.table,
    rows: result.scored,
    labels: Int32Array.from(result.scored, (row) => result.segment[row]),
    segmentLabels: labels,
    numericColumns: numericColumnsOf(session, model),
    segment: segment ?? undefined,
    // All rows means every record of the file, as in the analysis' own export (#18).
    setAside: segment === null ? setAsideReasons(result.reason, render) : null,
  });
  const suffix =
    segment === null
      ? message('applyExportAll')
      : message('applyExportSegment', { id: segment, label: labels.get(segment) ?? '' });
  return { parts, fileName: exportFileName(session.fileName, render(suffix)) };
}

/** Why the applied model left each record out, in the user's language, by record. */
function setAsideReasons(reasons: ArrayLike<number>, render: Render): Map<number, string> {
  const texts = new Map<number, string>();
  for (let row = 0; row < reasons.length; row++) {
    const code = reasons[row];
    if (code !== 0) texts.set(row, render(message(REASON_LABELS[APPLY_REASONS[code - 1]])));
  }
  return texts;
}

/** The rows (RFM: order lines) the applied model left out, each with its line, reason and cells. */
export function applySetAsideExport(
  session: AnalysisSession,
  model: ModelFile,
  render: Render,
): ExportParts {
  const result = applyModel(session, model);
  if (result.rfm !== null)
    return rfmSetAsideExport(
      session.fileName,
      session.table,
      session.columns,
      result.rfm.result,
      render,
    );
  const rows: { row: number; reason: string; detail: string }[] = [];
  result.reason.forEach((code, row) => {
    if (code === 0) return;
    const reason = APPLY_REASONS[code - 1];
    const column = result.setAsideColumn[row];
    rows.push({
      row,
      reason,
      detail: render(
        column === null
          ? message(REASON_LABELS[reason])
          : message('applyReasonInColumn', { column, reason: message(REASON_LABELS[reason]) }),
      ),
    });
  });
  return {
    parts: setAsideCsvParts(session.table, rows, numericColumnsOf(session, model)),
    fileName: exportFileName(session.fileName, render(message('applyExportSetAside'))),
  };
}

/**
 * The files `segmentlens apply --out` writes, named as `analyze --out` and `rfm --out` name
 * theirs: segments.csv, one file per segment and set-aside.csv; for RFM, rfm.csv and
 * set-aside.csv.
 */
export function applyExportFiles(
  session: AnalysisSession,
  model: ModelFile,
  render: Render,
): { name: string; parts: string[] }[] {
  const setAside = {
    name: 'set-aside.csv',
    parts: applySetAsideExport(session, model, render).parts,
  };
  if (model.rfm !== null)
    return [{ name: 'rfm.csv', parts: applyExport(session, model, render).parts }, setAside];
  return [
    { name: 'segments.csv', parts: applyExport(session, model, render).parts },
    ...model.segments.map((segment) => ({
      name: exportFileName(`segment-${segment.id}`, segmentText(segment, render)),
      parts: applyExport(session, model, render, segment.id).parts,
    })),
    setAside,
  ];
}

/** Which columns hold numbers (so a leading minus is a sign): the kinds the analysis used. */
function numericColumnsOf(session: AnalysisSession, model: ModelFile): boolean[] {
  return numberColumns(
    effectiveKinds(session.columns, restoreOptions(model.settings.options).kinds),
  );
}
