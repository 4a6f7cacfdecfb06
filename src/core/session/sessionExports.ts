import { effectiveKinds, type AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../analysis/analysisResult';
import { listSetAside } from '../clean/cleanOptions';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import { csvFormatFor, type ExportDialect } from '../export/csvFormat';
import { segmentTexts } from '../export/segmentNames';
import {
  exportFileName,
  numberColumns,
  segmentCsvParts,
  setAsideCsvParts,
} from '../export/exportCsv';
import type { ColumnSummary } from '../read/inferColumns';
import type { Dialect } from '../read/dialect';
import type { Table } from '../read/table';
import { RFM_DROP_LABELS, RFM_DROP_REASONS, type RfmResult } from '../rfm/rfm';
import { customerClusters } from '../rfm/rfmClustering';
import { rfmCsvParts } from '../rfm/rfmExport';
import type { NamedSegmentMap } from '../rfm/rfmSegments';

/** A download: its text in parts of about a megabyte, and the name to save it under. */
export interface ExportParts {
  parts: string[];
  fileName: string;
}

/**
 * How messages read in the file: segment labels, the detail of each row set aside, the file's
 * name. The worker and the command line pass one for the user's language.
 */
export type Render = (message: Message) => string;

export interface RfmExportChoice {
  /** The segment map on the page (names and cells as the user left them), names as texts. */
  map: NamedSegmentMap;
  /** The number of clusters whose labels go in the cluster column (none before clustering). */
  k: number | null;
  /** Only one named segment's customers, or one cluster's. */
  segment?: number;
  cluster?: number;
  /** The user's names for the clusters, by id (null or absent: the cluster's label). */
  clusterNames?: readonly (string | null)[];
  /** Standard CSV (the default) or the input file's delimiter and decimal separator (#18). */
  dialect?: ExportDialect;
}

/** How a segmentation's rows are exported (#18). */
export interface SegmentsExportChoice {
  /** Standard CSV (the default) or the input file's delimiter and decimal separator. */
  dialect?: ExportDialect;
  /** The user's name for DBSCAN's noise (segment -1); null or absent: its label. */
  noiseName?: string | null;
}

/** The decimal separator follows the export's format in these columns (numbers as read). */
function decimalColumnsOf(columns: ColumnSummary[], options: AnalysisOptions): boolean[] {
  return effectiveKinds(columns, options.kinds).map((kind) => kind === 'numeric');
}

/** Why each record was set aside, in the user's language, by record (file order). */
function setAsideReasons(analysis: AnalysisResult, render: Render): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const record of listSetAside(analysis.dropReason, analysis.dropDetail))
    reasons.set(
      record.row,
      render(
        record.detail === null
          ? message('exportSetAsideReason', { reason: record.reason })
          : message('exportSetAsideReasonDetail', { reason: record.reason, detail: record.detail }),
      ),
    );
  return reasons;
}

/**
 * A segmentation's rows as CSV: all rows (every record of the file, the ones set aside with an
 * empty segment and their reason) or one segment's. Names the user gave replace the labels.
 */
export function segmentsExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  options: AnalysisOptions,
  analysis: AnalysisResult,
  k: number,
  segment: number | null,
  render: Render,
  /** The user's names for the segments (#17), written instead of their labels; null: the label. */
  names: readonly (string | null)[] = [],
  choice: SegmentsExportChoice = {},
): ExportParts {
  const result = resultFor(analysis, k);
  if (result === null) throw new UserError('bad-option', 'exportNoSegmentation', { k });
  const labels = segmentTexts(
    result.profiles.segments,
    { segments: names, noise: choice.noiseName ?? null },
    render,
  );
  const parts = segmentCsvParts({
    table,
    rows: analysis.rows,
    labels: result.labels,
    segmentLabels: labels,
    numericColumns: numberColumns(effectiveKinds(columns, options.kinds)),
    segment: segment ?? undefined,
    pointKinds: analysis.pointKinds,
    setAside: segment === null ? setAsideReasons(analysis, render) : null,
    format: csvFormatFor(choice.dialect ?? 'standard', table.dialect),
    decimalColumns: decimalColumnsOf(columns, options),
  });
  const suffix =
    segment === null
      ? analysis.algorithm === 'kmeans'
        ? message('exportAllSegments', { k })
        : message('exportAllSegmentsOf', { algorithm: analysis.algorithm, k })
      : message('exportSegment', { id: segment, label: labels.get(segment) ?? '' });
  return { parts, fileName: exportFileName(fileName, render(suffix)) };
}

export function cleaningReportExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  options: AnalysisOptions,
  analysis: AnalysisResult,
  render: Render,
  dialect: ExportDialect = 'standard',
): ExportParts {
  const rows = listSetAside(analysis.dropReason, analysis.dropDetail).map((record) => ({
    row: record.row,
    reason: record.reason,
    detail: record.detail === null ? '' : render(record.detail),
  }));
  const parts = setAsideCsvParts(
    table,
    rows,
    numberColumns(effectiveKinds(columns, options.kinds)),
    csvFormatFor(dialect, table.dialect),
    decimalColumnsOf(columns, options),
  );
  return { parts, fileName: exportFileName(fileName, render(message('exportCleaningReport'))) };
}

const STANDARD_DIALECT: Dialect = { delimiter: ',', decimal: '.', hasHeader: true };

export function rfmExport(
  fileName: string,
  rfm: RfmResult,
  analysis: AnalysisResult | null,
  choice: RfmExportChoice,
  render: Render,
  /** The dialect of the file read, written when the choice is `input`. */
  input: Dialect = STANDARD_DIALECT,
): ExportParts {
  const k =
    choice.k !== null && analysis !== null && resultFor(analysis, choice.k) !== null
      ? choice.k
      : null;
  if (choice.cluster !== undefined && k === null)
    throw new UserError('bad-option', 'exportNoClusters');
  const clusters = k === null ? null : customerClusters(analysis!, k, rfm.customers.length);
  const clustering = k === null ? null : resultFor(analysis!, k);
  const parts = rfmCsvParts({
    rfm,
    map: choice.map,
    clusters,
    clusterLabels:
      clustering === null
        ? undefined
        : segmentTexts(
            clustering.profiles.segments,
            { segments: choice.clusterNames ?? [], noise: null },
            render,
          ),
    segment: choice.segment,
    cluster: choice.cluster,
    format: csvFormatFor(choice.dialect ?? 'standard', input),
  });
  const suffix =
    choice.segment !== undefined
      ? message('exportRfmSegment', { segment: choice.map.names[choice.segment] })
      : choice.cluster !== undefined
        ? message('exportRfmCluster', { cluster: choice.cluster, k: k! })
        : message('exportRfmTable');
  return { parts, fileName: exportFileName(fileName, render(suffix)) };
}

/** The order lines RFM left out, each with its line, reason and cells. */
export function rfmSetAsideExport(
  fileName: string,
  table: Table,
  columns: ColumnSummary[],
  rfm: RfmResult,
  render: Render,
  dialect: ExportDialect = 'standard',
): ExportParts {
  const kinds = columns.map((c) => c.kind);
  return {
    parts: setAsideCsvParts(
      table,
      rfmSetAsideRows(rfm).map((row) => ({ ...row, detail: render(row.detail) })),
      numberColumns(kinds),
      csvFormatFor(dialect, table.dialect),
      kinds.map((kind) => kind === 'numeric'),
    ),
    fileName: exportFileName(fileName, render(message('exportRfmSetAside'))),
  };
}

/** Every order line RFM left out, with its reason. */
export function rfmSetAsideRows(
  rfm: RfmResult,
): { row: number; reason: string; detail: Message }[] {
  const rows: { row: number; reason: string; detail: Message }[] = [];
  for (let row = 0; row < rfm.dropReason.length; row++) {
    const code = rfm.dropReason[row];
    if (code > 0) {
      const reason = RFM_DROP_REASONS[code - 1];
      rows.push({ row, reason, detail: message(RFM_DROP_LABELS[reason]) });
    }
  }
  return rows;
}
