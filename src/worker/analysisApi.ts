import { analyzeTable, type AnalysisResult } from '../core/analyzeTable';
import { inlineExecutor, type ClusterExecutor } from '../core/clusterJob';
import { releaseScratch } from '../core/scratch';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  effectiveKinds,
  type AnalysisOptions,
} from '../core/analysisOptions';
import type { ByteSource } from '../core/byteSource';
import type { CleanReport, FeatureSource } from '../core/cleanRows';
import { listSetAside } from '../core/cleanRows';
import type { ElbowPoint, Recommendation } from '../core/chooseK';
import type { Encoding } from '../core/detectEncoding';
import { exportFileName, segmentCsvParts, setAsideCsvParts } from '../core/exportCsv';
import { inferColumns, type ColumnSummary } from '../core/inferColumns';
import type { DecimalSeparator } from '../core/parseNumber';
import type { Profiles } from '../core/profileSegments';
import { readCsv, type ReadOptions } from '../core/readCsv';
import { sampleForScatter } from '../core/sampleForScatter';
import type { Delimiter } from '../core/dialect';
import { ROW_OK, ROW_SHORT, type ParseIssue, type Table } from '../core/table';
import { isUserError, type UserErrorCode } from '../core/userError';
import { throttleProgress, type ProgressListener } from './throttle';

/**
 * The worker's side of the thread boundary: plain async functions over the core, no Comlink
 * here (analysis.worker.ts exposes them). The worker keeps the parsed table and the last
 * analysis; the page receives summaries, never the whole data set. Problems the user can fix
 * come back as values, because an Error loses its fields when it crosses threads.
 */

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: { code: UserErrorCode; message: string } };

/** The largest file the page accepts; larger ones are for the command line. */
export const MAX_FILE_BYTES = 400 * 1024 * 1024;

export interface ReadChoice {
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
}

export interface DatasetSummary {
  fileName: string;
  fileSize: number;
  rowCount: number;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  hasHeader: boolean;
  encoding: Encoding;
  encodingReason: string;
  columns: ColumnSummary[];
  /** The first rows that could not be read, with their line and reason. */
  issues: ParseIssue[];
  malformedRows: number;
  /** Rows with too few fields (the user may keep them, padded). */
  shortRows: number;
  notes: string[];
}

export interface ScatterAxis {
  id: string;
  label: string;
}

/** What the scatter needs for one k: a stratified sample of rows, on every axis. */
export interface ScatterData {
  /** Sampled rows' segments. */
  labels: Int32Array;
  /** For each axis, the sampled rows' coordinates (axis-major: axes x points). */
  coordinates: Float64Array;
  /** For each axis, each segment's centre (axes x k). */
  centres: Float64Array;
}

export interface KView {
  k: number;
  sizes: number[];
  inertia: number;
  profiles: Profiles;
  scatter: ScatterData;
}

export interface AnalysisView {
  features: FeatureSource[];
  cleaning: CleanReport;
  scaling: { method: string; warnings: string[] };
  notes: string[];
  pca: { ratios: number[]; cumulative: number[]; loadings: number[][]; featureNames: string[] };
  elbow: ElbowPoint[];
  /** Fewer rows than the largest k asked for: the range shrank (a warning for the page). */
  kRangeNote: string | null;
  silhouetteSampleSize: number;
  recommendation: Recommendation;
  k: number;
  analysedRows: number;
  axes: ScatterAxis[];
  perK: KView[];
  settings: { nInit: number; kMax: number; silhouetteSample: number; seed: number };
}

const SCATTER_POINTS = 2000;

interface WorkerState {
  name: string;
  table: Table;
  columns: ColumnSummary[];
  analysis: AnalysisResult | null;
  options: AnalysisOptions | null;
}

let state: WorkerState | null = null;

/** Where k-means jobs run: this thread, unless the worker entry installs a pool. */
let executor: ClusterExecutor = inlineExecutor;

export function setClusterExecutor(next: ClusterExecutor): void {
  executor = next;
}

async function attempt<T>(work: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isUserError(error))
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: (start, end) => readBlob(blob.slice(start, end)) };
}

/** Blob.arrayBuffer where there is one; FileReader for older engines (and jsdom). */
function readBlob(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function')
    return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Answers as soon as the worker runs: the client's check that it started. */
export async function ping(): Promise<'pong'> {
  return 'pong';
}

/** Reads a file (handed over as a Blob, parsed here) and keeps it for the analyses that follow. */
export async function loadFile(
  file: Blob,
  name: string,
  choice: ReadChoice,
  onProgress?: ProgressListener,
): Promise<Outcome<DatasetSummary>> {
  const progress = throttleProgress(onProgress);
  return attempt(async () => {
    state = null;
    const options: ReadOptions = {
      ...choice,
      maxBytes: MAX_FILE_BYTES,
      onProgress: (f) => progress('parse', f),
    };
    const table = await readCsv(blobSource(file), options);
    const columns = inferColumns(table, (f) => progress('infer', f));
    state = { name, table, columns, analysis: null, options: null };
    return summarise(name, file.size, table, columns);
  });
}

function summarise(
  name: string,
  size: number,
  table: Table,
  columns: ColumnSummary[],
): DatasetSummary {
  let malformed = 0;
  let short = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (table.rowStatus[i] !== ROW_OK) malformed++;
    if (table.rowStatus[i] === ROW_SHORT) short++;
  }
  return {
    fileName: name,
    fileSize: size,
    rowCount: table.rowCount,
    delimiter: table.dialect.delimiter,
    decimal: table.dialect.decimal,
    hasHeader: table.dialect.hasHeader,
    encoding: table.encoding,
    encodingReason: table.encodingReason,
    columns,
    issues: table.issues.slice(0, 200),
    malformedRows: malformed,
    shortRows: short,
    notes: table.notes,
  };
}

/** Runs the analysis on the loaded file with these options and keeps it for exports. */
export async function analyze(
  options: Partial<AnalysisOptions>,
  onProgress?: ProgressListener,
  onElbowPoint?: (point: ElbowPoint) => void,
): Promise<Outcome<AnalysisView>> {
  const progress = throttleProgress(onProgress);
  return attempt(async () => {
    const loaded = requireLoaded();
    const full = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
    loaded.analysis = null;
    const analysis = await analyzeTable(loaded.table, full, progress, {
      columns: loaded.columns,
      executor,
      onElbowPoint,
    });
    // Per-k scratch arrays are not needed until the next analysis.
    releaseScratch();
    loaded.analysis = analysis;
    loaded.options = full;
    return view(loaded.table, analysis, full);
  });
}

function requireLoaded(): WorkerState {
  if (state === null) throw new Error('No file is loaded in the worker.');
  return state;
}

function view(table: Table, analysis: AnalysisResult, options: AnalysisOptions): AnalysisView {
  const pcaDims = analysis.projectionDims;
  const d = analysis.pca.d;
  const axes: ScatterAxis[] = [
    ...Array.from({ length: pcaDims }, (_, c) => ({
      id: `pc${c + 1}`,
      label: `PC${c + 1} (${(analysis.pca.explainedVarianceRatio[c] * 100).toFixed(1)}%)`,
    })),
    ...analysis.profiledNumeric.map((name) => ({ id: `feature:${name}`, label: name })),
  ];
  const featureColumns = analysis.profiledNumeric.map(
    (name) => table.columns.find((c) => c.name === name)!.numbers,
  );
  const perK = analysis.results.map((result): KView => {
    const sample = sampleForScatter(result.labels, SCATTER_POINTS, options.seed);
    const m = sample.length;
    const labels = new Int32Array(m);
    const coordinates = new Float64Array(axes.length * m);
    for (let s = 0; s < m; s++) {
      const r = sample[s];
      labels[s] = result.labels[r];
      for (let c = 0; c < pcaDims; c++)
        coordinates[c * m + s] = analysis.projection[r * pcaDims + c];
      featureColumns.forEach(
        (values, f) => (coordinates[(pcaDims + f) * m + s] = values[analysis.rows[r]]),
      );
    }
    const centres = new Float64Array(axes.length * result.k);
    for (let c = 0; c < result.k; c++) {
      for (let p = 0; p < pcaDims; p++) {
        let sum = 0;
        for (let j = 0; j < d; j++)
          sum +=
            (result.centroids[c * d + j] - analysis.pca.mean[j]) *
            analysis.pca.components[p * d + j];
        centres[p * result.k + c] = sum;
      }
      const profile = result.profiles.segments.find((segment) => segment.id === c);
      analysis.profiledNumeric.forEach((name, f) => {
        centres[(pcaDims + f) * result.k + c] =
          profile?.features.find((x) => x.feature === name)?.mean ?? NaN;
      });
    }
    return {
      k: result.k,
      sizes: Array.from(result.sizes),
      inertia: result.inertia,
      profiles: result.profiles,
      scatter: { labels, coordinates, centres },
    };
  });
  return {
    features: analysis.features,
    cleaning: analysis.cleaning,
    scaling: { method: analysis.scaling.method, warnings: analysis.scaling.warnings },
    notes: analysis.notes,
    pca: {
      ratios: Array.from(analysis.pca.explainedVarianceRatio),
      cumulative: Array.from(analysis.pca.cumulativeRatio),
      loadings: Array.from({ length: d }, (_, c) =>
        Array.from(analysis.pca.components.subarray(c * d, c * d + d)),
      ),
      featureNames: analysis.features.map((f) => f.name),
    },
    elbow: analysis.elbow,
    kRangeNote: analysis.kRangeNote,
    silhouetteSampleSize: analysis.silhouetteSampleSize,
    recommendation: analysis.recommendation,
    k: analysis.k,
    analysedRows: analysis.rows.length,
    axes,
    perK,
    settings: {
      nInit: options.nInit,
      kMax: options.kMax,
      silhouetteSample: options.silhouetteSample,
      seed: options.seed,
    },
  };
}

/** Buffers of a view, for Comlink.transfer: the scatter arrays move instead of being copied. */
export function viewBuffers(analysisView: AnalysisView): ArrayBuffer[] {
  return analysisView.perK.flatMap(
    (k) =>
      [
        k.scatter.labels.buffer,
        k.scatter.coordinates.buffer,
        k.scatter.centres.buffer,
      ] as ArrayBuffer[],
  );
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** Every analysed row (or one segment's) with its original cells, segment and label. */
export async function exportSegments(k: number, segment: number | null): Promise<ExportFile> {
  const loaded = requireLoaded();
  const analysis = loaded.analysis;
  if (analysis === null || loaded.options === null) throw new Error('No analysis to export.');
  const result = analysis.results[k - 1];
  const labels = new Map(result.profiles.segments.map((s) => [s.id, s.label]));
  const kinds = effectiveKinds(loaded.columns, loaded.options.kinds);
  const parts = segmentCsvParts({
    table: loaded.table,
    rows: analysis.rows,
    labels: result.labels,
    segmentLabels: labels,
    numericColumns: kinds.map((kind) => kind === 'numeric' || kind === 'identifier'),
    segment: segment ?? undefined,
  });
  const suffix =
    segment === null
      ? `all segments (k=${k})`
      : `segment ${segment} - ${labels.get(segment) ?? ''}`;
  return {
    blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(loaded.name, suffix),
  };
}

/** The rows set aside, each with its line, reason and cells. */
export async function exportCleaningReport(): Promise<ExportFile> {
  const loaded = requireLoaded();
  const analysis = loaded.analysis;
  if (analysis === null || loaded.options === null) throw new Error('No analysis to export.');
  const kinds = effectiveKinds(loaded.columns, loaded.options.kinds);
  const parts = setAsideCsvParts(
    loaded.table,
    listSetAside(analysis.dropReason, analysis.dropDetail),
    kinds.map((kind) => kind === 'numeric' || kind === 'identifier'),
  );
  return {
    blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(loaded.name, 'cleaning report (rows set aside)'),
  };
}
