import {
  ALGORITHM_LABELS,
  effectiveKinds,
  type AnalysisOptions,
} from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../analysis/analysisResult';
import { listSetAside } from '../clean/cleanOptions';
import {
  exportFileName,
  numberColumns,
  segmentCsvParts,
  setAsideCsvParts,
} from '../export/exportCsv';
import type { ColumnSummary } from '../read/inferColumns';
import type { Table } from '../read/table';
import { UserError } from '../common/userError';
import { RFM_DROP_LABELS, RFM_DROP_REASONS, type RfmResult } from '../rfm/rfm';
import { customerClusters } from '../rfm/rfmClustering';
import { rfmCsvParts } from '../rfm/rfmExport';
import type { SegmentMap } from '../rfm/rfmSegments';

/** A download: its text in parts of about a megabyte, and the name to save it under. */
export interface ExportParts {
  parts: string[];
  fileName: string;
}

export interface RfmExportChoice {
  /** The segment map on the page (names and cells as the user left them). */
  map: SegmentMap;
  /** The number of clusters whose labels go in the cluster column (none before clustering). */
  k: number | null;
  /** Only one named segment's customers, or one cluster's. */
  segment?: number;
  cluster?: number;
}

export function segmentsExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  options: AnalysisOptions,
  analysis: AnalysisResult,
  k: number,
  segment: number | null,
): ExportParts {
  const result = resultFor(analysis, k);
  if (result === null)
    throw new UserError('bad-option', `There is no segmentation into ${k} segments to export.`);
  const labels = new Map(result.profiles.segments.map((s) => [s.id, s.label]));
  const parts = segmentCsvParts({
    table,
    rows: analysis.rows,
    labels: result.labels,
    segmentLabels: labels,
    numericColumns: numberColumns(effectiveKinds(columns, options.kinds)),
    segment: segment ?? undefined,
    pointKinds: analysis.pointKinds,
  });
  const algorithm =
    analysis.algorithm === 'kmeans' ? '' : `${ALGORITHM_LABELS[analysis.algorithm]}, `;
  const suffix =
    segment === null
      ? `all segments (${algorithm}k=${k})`
      : `segment ${segment} - ${labels.get(segment) ?? ''}`;
  return { parts, fileName: exportFileName(fileName, suffix) };
}

export function cleaningReportExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  options: AnalysisOptions,
  analysis: AnalysisResult,
): ExportParts {
  const parts = setAsideCsvParts(
    table,
    listSetAside(analysis.dropReason, analysis.dropDetail),
    numberColumns(effectiveKinds(columns, options.kinds)),
  );
  return { parts, fileName: exportFileName(fileName, 'cleaning report (rows set aside)') };
}

export function rfmExport(
  fileName: string,
  rfm: RfmResult,
  analysis: AnalysisResult | null,
  choice: RfmExportChoice,
): ExportParts {
  const k =
    choice.k !== null && analysis !== null && resultFor(analysis, choice.k) !== null
      ? choice.k
      : null;
  if (choice.cluster !== undefined && k === null)
    throw new UserError('bad-option', 'Cluster the customers before exporting one cluster.');
  const clusters = k === null ? null : customerClusters(analysis!, k, rfm.customers.length);
  const parts = rfmCsvParts({
    rfm,
    map: choice.map,
    clusters,
    segment: choice.segment,
    cluster: choice.cluster,
  });
  const suffix =
    choice.segment !== undefined
      ? `RFM - ${choice.map.names[choice.segment]}`
      : choice.cluster !== undefined
        ? `RFM - cluster ${choice.cluster} of ${k}`
        : 'RFM table';
  return { parts, fileName: exportFileName(fileName, suffix) };
}

/** The order lines RFM left out, each with its line, reason and cells. */
export function rfmSetAsideExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  rfm: RfmResult,
): ExportParts {
  return {
    parts: setAsideCsvParts(table, rfmSetAsideRows(rfm), numberColumns(columns.map((c) => c.kind))),
    fileName: exportFileName(fileName, 'order lines left out of RFM'),
  };
}

/** Every order line RFM left out, with its reason. */
export function rfmSetAsideRows(rfm: RfmResult): { row: number; reason: string; detail: string }[] {
  const rows: { row: number; reason: string; detail: string }[] = [];
  for (let row = 0; row < rfm.dropReason.length; row++) {
    const code = rfm.dropReason[row];
    if (code > 0) {
      const reason = RFM_DROP_REASONS[code - 1];
      rows.push({ row, reason, detail: RFM_DROP_LABELS[reason] });
    }
  }
  return rows;
}
