import {
  analyzeTable,
  resultFor,
  type AnalysisResult,
  type DensitySummary,
  type HierarchySummary,
} from '../core/analysis/analyzeTable';
import { ALGORITHM_LABELS, type ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import { compareAlgorithms, type AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import type { DistanceMetric } from '../core/cluster/distance';
import { inlineExecutor, type ClusterExecutor } from '../core/cluster/clusterJob';
import { releaseScratch } from '../core/cluster/scratch';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  effectiveKinds,
  type AnalysisOptions,
} from '../core/analysis/analysisOptions';
import type { ByteSource } from '../core/read/byteSource';
import type { CleanReport, FeatureSource } from '../core/clean/cleanRows';
import { listSetAside } from '../core/clean/cleanRows';
import type { ElbowPoint, Recommendation } from '../core/cluster/quality/chooseK';
import type { Encoding } from '../core/read/detectEncoding';
import { exportFileName, segmentCsvParts, setAsideCsvParts } from '../core/export/exportCsv';
import { inferColumns, type ColumnSummary } from '../core/read/inferColumns';
import type { DecimalSeparator } from '../core/read/parseNumber';
import type { Profiles } from '../core/profile/profileSegments';
import { readCsv, type ReadOptions } from '../core/read/readCsv';
import { sampleForScatter } from '../core/profile/sampleForScatter';
import type { Delimiter } from '../core/read/dialect';
import { ROW_OK, ROW_SHORT, type ParseIssue, type Table } from '../core/read/table';
import { isUserError, UserError, type UserErrorCode } from '../core/common/userError';
import type { DateOrder } from '../core/read/parseDate';
import {
  computeRfm as computeRfmCore,
  RFM_DROP_LABELS,
  RFM_DROP_REASONS,
  type RfmResult,
  type RfmRowReport,
  type RfmSettings,
} from '../core/rfm/rfm';
import {
  clusterCellCounts,
  customerClusters,
  rfmAnalysisOptions,
  rfmTable,
} from '../core/rfm/rfmClustering';
import { rfmCsvParts } from '../core/rfm/rfmExport';
import { cellIndex, type SegmentMap } from '../core/rfm/rfmSegments';
import { cellTotals, type CellTotals } from '../core/rfm/rfmSummary';
import {
  suggestTransactionMapping,
  type MappingSuggestion,
  type TransactionMapping,
} from '../core/rfm/transactionMapping';
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
  /** Whether the file looks like order lines, and the suggested column mapping for RFM. */
  transactions: MappingSuggestion;
}

/** RFM on the loaded order lines, as the page shows it (per-customer rows come by the page). */
export interface RfmView {
  settings: RfmSettings;
  rows: RfmRowReport;
  customers: number;
  /** Times on a UTC clock, in ms. */
  snapshot: number;
  /** The snapshot when none is chosen: the last order + 1 day. */
  defaultSnapshot: number;
  firstOrder: number;
  lastOrder: number;
  dateOrder: DateOrder;
  revenue: number;
  /** Per R-by-F cell totals: with a segment map they give the summary and the grid. */
  cells: CellTotals;
}

export type RfmSortKey =
  'customer' | 'recency' | 'frequency' | 'monetary' | 'r' | 'f' | 'm' | 'code' | 'segment';

export interface RfmQuery {
  sort: RfmSortKey;
  descending: boolean;
  offset: number;
  limit: number;
  /** Only this named segment (under `map`), or everyone. */
  segment: number | null;
  map: SegmentMap;
}

export interface RfmCustomerRow {
  customer: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}

export interface RfmPage {
  /** Customers that match the query (before paging). */
  total: number;
  offset: number;
  rows: RfmCustomerRow[];
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
  /** RFM only: customers per (cluster, R-by-F cell), k x 25, for the cluster-by-segment table. */
  rfmCells: number[] | null;
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
  algorithm: ClusteringAlgorithm;
  metric: DistanceMetric;
  density: DensitySummary | null;
  hierarchy: HierarchySummary | null;
}

const SCATTER_POINTS = 2000;

interface RfmState {
  key: string;
  result: RfmResult;
  table: Table;
}

interface WorkerState {
  name: string;
  table: Table;
  columns: ColumnSummary[];
  rfm: RfmState | null;
  analysis: AnalysisResult | null;
  /** The table the analysis ran on: the file's, or the RFM customers'. */
  analysisTable: Table | null;
  options: AnalysisOptions | null;
  /** Sort orders of the RFM customer table, by sort key (and map, for segments). */
  rfmOrders: Map<string, Int32Array>;
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
    state = {
      name,
      table,
      columns,
      rfm: null,
      analysis: null,
      analysisTable: null,
      options: null,
      rfmOrders: new Map(),
    };
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
    transactions: suggestTransactionMapping(columns, table.rowCount),
  };
}

function rfmKey(settings: RfmSettings): string {
  return JSON.stringify(settings);
}

/** RFM for these settings, computed once per settings. */
function ensureRfm(
  loaded: WorkerState,
  settings: RfmSettings,
  progress?: (stage: 'rfm', fraction: number) => void,
): RfmState {
  const key = rfmKey(settings);
  if (loaded.rfm?.key === key) return loaded.rfm;
  // An analysis of the customers being replaced goes with them.
  if (loaded.rfm !== null && loaded.analysisTable === loaded.rfm.table) {
    loaded.analysis = null;
    loaded.analysisTable = null;
  }
  loaded.rfm = null;
  loaded.rfmOrders.clear();
  const result = computeRfmCore(loaded.table, settings, (f) => progress?.('rfm', f));
  loaded.rfm = { key, result, table: rfmTable(result) };
  return loaded.rfm;
}

/** Recency, frequency and monetary value per customer from the loaded order lines. */
export async function computeRfm(
  settings: RfmSettings,
  onProgress?: ProgressListener,
): Promise<Outcome<RfmView>> {
  const progress = throttleProgress(onProgress);
  return attempt(() => {
    const loaded = requireLoaded();
    const { result } = ensureRfm(loaded, settings, progress);
    return {
      settings,
      rows: result.rows,
      customers: result.customers.length,
      snapshot: result.snapshot,
      defaultSnapshot: result.lastOrder + 86_400_000,
      firstOrder: result.firstOrder,
      lastOrder: result.lastOrder,
      dateOrder: result.dateOrder,
      revenue: result.totalRevenue,
      cells: cellTotals(result),
    };
  });
}

/** One page of the RFM customer table, sorted and filtered in the worker. */
export async function rfmCustomers(settings: RfmSettings, query: RfmQuery): Promise<RfmPage> {
  const loaded = requireLoaded();
  const { result } = ensureRfm(loaded, settings);
  const order = rfmOrder(loaded, result, query);
  const segmentOf = (i: number) => query.map.cells[cellIndex(result.r[i], result.f[i])];
  let matching: Int32Array | number[] = order;
  if (query.segment !== null) {
    const wanted = query.segment;
    matching = Array.prototype.filter.call(
      order,
      (i: number) => segmentOf(i) === wanted,
    ) as number[];
  }
  const total = matching.length;
  const offset = Math.max(0, Math.min(query.offset, Math.max(0, total - 1)));
  const rows: RfmCustomerRow[] = [];
  for (let p = offset; p < Math.min(total, offset + query.limit); p++) {
    const position = query.descending ? total - 1 - p : p;
    const i = matching[position];
    rows.push({
      customer: result.customers[i],
      recency: result.recency[i],
      frequency: result.frequency[i],
      monetary: result.monetary[i],
      r: result.r[i],
      f: result.f[i],
      m: result.m[i],
    });
  }
  return { total, offset, rows };
}

/** Customers in ascending order of the sort key (ties by customer id), cached per key. */
function rfmOrder(loaded: WorkerState, result: RfmResult, query: RfmQuery): Int32Array {
  const key = query.sort === 'segment' ? `segment:${JSON.stringify(query.map)}` : query.sort;
  const known = loaded.rfmOrders.get(key);
  if (known) return known;
  const n = result.customers.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (query.sort !== 'customer') {
    let value: (i: number) => number;
    if (query.sort === 'segment') {
      const names = query.map.names;
      const rank = names.map((_, s) => s).sort((a, b) => names[a].localeCompare(names[b]));
      const rankOf = new Array<number>(names.length);
      rank.forEach((s, position) => (rankOf[s] = position));
      value = (i) => rankOf[query.map.cells[cellIndex(result.r[i], result.f[i])]];
    } else if (query.sort === 'code') {
      value = (i) => result.r[i] * 100 + result.f[i] * 10 + result.m[i];
    } else {
      const column = {
        recency: result.recency,
        frequency: result.frequency,
        monetary: result.monetary,
        r: result.r,
        f: result.f,
        m: result.m,
      }[query.sort];
      value = (i) => column[i];
    }
    const values = Float64Array.from(order, value);
    // Customers are in id order already, so a stable sort keeps ties by id.
    order.sort((a, b) => values[a] - values[b] || a - b);
  }
  loaded.rfmOrders.set(key, order);
  return order;
}

/** Runs the analysis on the loaded file with these options and keeps it for exports. */
export async function analyze(
  options: Partial<AnalysisOptions>,
  onProgress?: ProgressListener,
  onElbowPoint?: (point: ElbowPoint) => void,
  rfm: RfmSettings | null = null,
): Promise<Outcome<AnalysisView>> {
  const progress = throttleProgress(onProgress);
  return attempt(async () => {
    const loaded = requireLoaded();
    const full = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
    loaded.analysis = null;
    loaded.analysisTable = null;
    const rfmState = rfm === null ? null : ensureRfm(loaded, rfm, progress);
    if (rfmState !== null && rfmState.result.customers.length < 2) {
      throw new UserError(
        'too-few-rows',
        'Only one customer has usable orders, so there is nothing to cluster: check the column choices.',
      );
    }
    const table = rfmState === null ? loaded.table : rfmState.table;
    const analysis = await analyzeTable(
      table,
      rfmState === null ? full : rfmAnalysisOptions(full),
      progress,
      { columns: rfmState === null ? loaded.columns : undefined, executor, onElbowPoint },
    );
    // Per-k scratch arrays are not needed until the next analysis.
    releaseScratch();
    loaded.analysis = analysis;
    loaded.analysisTable = table;
    loaded.options = full;
    return view(table, analysis, full, rfmState?.result ?? null);
  });
}

function requireLoaded(): WorkerState {
  if (state === null) throw new Error('No file is loaded in the worker.');
  return state;
}

function view(
  table: Table,
  analysis: AnalysisResult,
  options: AnalysisOptions,
  rfm: RfmResult | null,
): AnalysisView {
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
      rfmCells:
        rfm === null
          ? null
          : Array.from(clusterCellCounts(result.labels, analysis.rows, result.k, rfm)),
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
    algorithm: analysis.algorithm,
    metric: analysis.metric,
    density: analysis.density,
    hierarchy: analysis.hierarchy,
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

/**
 * k-means, hierarchical and DBSCAN side by side on the rows and options of the analysis on show
 * (k segments for the first two).
 */
export async function compare(
  k: number,
  onProgress?: ProgressListener,
): Promise<Outcome<AlgorithmComparison>> {
  const progress = throttleProgress(onProgress);
  return attempt(async () => {
    const loaded = requireLoaded();
    if (loaded.analysis === null || loaded.options === null || loaded.analysisTable === null)
      throw new Error('No analysis to compare algorithms on.');
    const options =
      loaded.analysisTable === loaded.table ? loaded.options : rfmAnalysisOptions(loaded.options);
    const comparison = compareAlgorithms(
      loaded.analysisTable,
      options,
      k,
      progress,
      loaded.analysisTable === loaded.table ? loaded.columns : undefined,
    );
    releaseScratch();
    return comparison;
  });
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** Every analysed row (or one segment's) with its original cells, segment and label. */
export async function exportSegments(k: number, segment: number | null): Promise<ExportFile> {
  const loaded = requireLoaded();
  const analysis = loaded.analysis;
  if (analysis === null || loaded.options === null || loaded.analysisTable !== loaded.table)
    throw new Error('No analysis of the file to export.');
  const result = resultFor(analysis, k)!;
  const labels = new Map(result.profiles.segments.map((s) => [s.id, s.label]));
  const kinds = effectiveKinds(loaded.columns, loaded.options.kinds);
  const parts = segmentCsvParts({
    table: loaded.table,
    rows: analysis.rows,
    labels: result.labels,
    segmentLabels: labels,
    numericColumns: kinds.map((kind) => kind === 'numeric' || kind === 'identifier'),
    segment: segment ?? undefined,
    pointKinds: analysis.pointKinds,
  });
  const suffix =
    segment === null
      ? `all segments (${analysis.algorithm === 'kmeans' ? '' : `${ALGORITHM_LABELS[analysis.algorithm]}, `}k=${k})`
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
  if (analysis === null || loaded.options === null || loaded.analysisTable !== loaded.table)
    throw new Error('No analysis of the file to export.');
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

export interface RfmExportChoice {
  /** The segment map on the page (names and cells as the user left them). */
  map: SegmentMap;
  /** The number of clusters whose labels go in the cluster column (none before clustering). */
  k: number | null;
  /** Only one named segment's customers, or one cluster's. */
  segment?: number;
  cluster?: number;
}

/** The per-customer RFM table (all customers, one named segment, or one cluster). */
export async function exportRfm(
  settings: RfmSettings,
  choice: RfmExportChoice,
): Promise<ExportFile> {
  const loaded = requireLoaded();
  const { result, table } = ensureRfm(loaded, settings);
  const analysis = loaded.analysisTable === table ? loaded.analysis : null;
  const k =
    choice.k !== null && analysis !== null && choice.k <= analysis.results.length ? choice.k : null;
  if (choice.cluster !== undefined && k === null) throw new Error('No clusters to export.');
  const clusters = k === null ? null : customerClusters(analysis!, k, result.customers.length);
  const parts = rfmCsvParts({
    rfm: result,
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
  return {
    blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(loaded.name, suffix),
  };
}

/** The order lines RFM left out, each with its line, reason and cells. */
export async function exportRfmSetAside(settings: RfmSettings): Promise<ExportFile> {
  const loaded = requireLoaded();
  const { result } = ensureRfm(loaded, settings);
  const setAside: { row: number; reason: string; detail: string }[] = [];
  for (let row = 0; row < result.dropReason.length; row++) {
    const code = result.dropReason[row];
    if (code > 0) {
      const reason = RFM_DROP_REASONS[code - 1];
      setAside.push({ row, reason, detail: RFM_DROP_LABELS[reason] });
    }
  }
  const parts = setAsideCsvParts(
    loaded.table,
    setAside,
    loaded.columns.map((c) => c.kind === 'numeric' || c.kind === 'identifier'),
  );
  return {
    blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(loaded.name, 'order lines left out of RFM'),
  };
}

export type { RfmSettings, SegmentMap, TransactionMapping };
