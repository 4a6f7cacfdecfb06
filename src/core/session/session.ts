import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../analysis/analysisResult';
import type { PipelineProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { ClusterExecutor } from '../cluster/clusterJob';
import type { AlgorithmComparison } from '../cluster/compareAlgorithms';
import type { ByteSource } from '../read/byteSource';
import { inferColumns, type ColumnSummary } from '../read/inferColumns';
import { readTable } from '../read/readTable';
import type { Table } from '../read/table';
import { selectOrderLines, type OrderLines, type OrderLineSettings } from '../rfm/orderLines';
import { rfmOfLines, type RfmResult, type RfmSettings } from '../rfm/rfm';
import { customerClusters, rfmAnalysisOptions, rfmTable } from '../rfm/rfmClustering';
import {
  RfmCustomerTable,
  type RfmPage,
  type RfmQuery,
  type RfmValueColumns,
} from '../rfm/rfmCustomerTable';
import { cellTotals } from '../rfm/rfmSummary';
import {
  CSV_READ,
  describeDataset,
  type DatasetSummary,
  type FileRead,
  type ReadChoice,
} from './datasetSummary';
import {
  cleaningReportExport,
  rfmExport,
  rfmSetAsideExport,
  segmentsExport,
  type ExportParts,
  type Render,
  type RfmExportChoice,
  type SegmentsExportChoice,
} from './sessionExports';
import type { ExportDialect } from '../export/csvFormat';
import { segmentationView, type SegmentationView } from './segmentationView';
import { StageCache, stageKey } from './stageCache';
import { TableAnalysis, type FeatureStage, type SegmentationHooks } from './tableAnalysis';
import type { RfmView } from './rfmView';

/** A segmentation to make: of the file's rows, or (with `rfm`) of its customers' RFM figures. */
export interface SegmentationRequest {
  options: AnalysisOptions;
  rfm: RfmSettings | null;
}

export interface OpenOptions {
  onProgress?: PipelineProgress;
  /** Refuse files larger than this (the page's limit). */
  maxBytes?: number;
  /** Where k-means jobs run (default: one after another on this thread). */
  executor?: () => ClusterExecutor | undefined;
}

/** RFM for one set of settings, the order lines it came from, and the analysis of its customers. */
interface RfmStage {
  lines: OrderLines;
  result: RfmResult;
  customers: TableAnalysis;
  table: RfmCustomerTable;
}

/**
 * One loaded file and everything derived from it. The worker keeps one session; the command
 * line opens one from a file on disk. Every stage is computed once for the options that decide
 * it (see TableAnalysis), so each request names what it wants and the session works out what it
 * still needs: an export after a change of k recomputes nothing, the comparison reuses the
 * segmentation, and a fresh session given the same requests gives the same answers.
 */
export class AnalysisSession {
  private readonly rows: TableAnalysis;
  private readonly lineStages = new StageCache<OrderLines>(1);
  private readonly rfmStages = new StageCache<RfmStage>(1);
  private summaryMemo: DatasetSummary | null = null;

  private constructor(
    readonly fileName: string,
    readonly fileSize: number,
    readonly table: Table,
    readonly columns: ColumnSummary[],
    private readonly executor: () => ClusterExecutor | undefined,
    /** The file's format and, for a workbook, its sheets and the one read. */
    readonly read: FileRead = CSV_READ,
  ) {
    this.rows = new TableAnalysis(table, columns, executor);
  }

  /**
   * Reads a file (CSV, .xlsx, .xls or Parquet, told from its bytes; `choice.sheet` picks a
   * workbook's sheet) and infers its column kinds.
   */
  static async open(
    source: ByteSource,
    fileName: string,
    choice: ReadChoice,
    options: OpenOptions = {},
  ): Promise<AnalysisSession> {
    const { onProgress } = options;
    const { table, format, sheets, sheet } = await readTable(source, fileName, choice, {
      maxBytes: options.maxBytes,
      onProgress: (f) => onProgress?.('parse', f),
    });
    const columns = inferColumns(table, (f) => onProgress?.('infer', f));
    return new AnalysisSession(fileName, source.size, table, columns, () => options.executor?.(), {
      format,
      sheets,
      sheet,
    });
  }

  /** A session over a table already read (tests, the RFM customers' own table). */
  static ofTable(table: Table, fileName = 'table.csv', options: OpenOptions = {}): AnalysisSession {
    return new AnalysisSession(fileName, table.byteLength, table, inferColumns(table), () =>
      options.executor?.(),
    );
  }

  summary(): DatasetSummary {
    this.summaryMemo ??= describeDataset(
      this.fileName,
      this.fileSize,
      this.table,
      this.columns,
      this.read,
    );
    return this.summaryMemo;
  }

  /**
   * The order lines every order-lines analysis uses (RFM, baskets, recommendations, customer
   * value), selected once per mapping and date order.
   */
  orderLines(settings: OrderLineSettings, onProgress?: (fraction: number) => void): OrderLines {
    const { mapping, dateOrder } = settings;
    const cancellations = settings.cancellations ?? 'auto';
    return this.lineStages.obtain(stageKey(mapping, dateOrder, cancellations), () =>
      selectOrderLines(this.table, { mapping, dateOrder, cancellations }, onProgress),
    );
  }

  /** RFM per customer from the file's order lines, once per settings. */
  rfm(settings: RfmSettings, onProgress?: PipelineProgress): RfmResult {
    return this.rfmStage(settings, onProgress).result;
  }

  private rfmStage(settings: RfmSettings, onProgress?: PipelineProgress): RfmStage {
    return this.rfmStages.obtain(stageKey(settings), () => {
      const lines = this.orderLines(settings, (f) => onProgress?.('rfm', 0.8 * f));
      const result = rfmOfLines(lines, settings.snapshot, (f) => onProgress?.('rfm', f));
      return {
        lines,
        result,
        customers: new TableAnalysis(rfmTable(result), null, this.executor),
        table: new RfmCustomerTable(result),
      };
    });
  }

  rfmView(settings: RfmSettings, onProgress?: PipelineProgress): RfmView {
    const result = this.rfm(settings, onProgress);
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
      hasMoney: result.hasMoney,
      notes: result.notes,
      cells: {
        'rf-grid': cellTotals(result, 'rf-grid'),
        'rfm-mean': cellTotals(result, 'rfm-mean'),
      },
    };
  }

  /** The order lines and RFM per customer of these settings (baskets, recommendations, value). */
  linesAndRfm(
    settings: RfmSettings,
    onProgress?: PipelineProgress,
  ): {
    lines: OrderLines;
    rfm: RfmResult;
  } {
    const stage = this.rfmStage(settings, onProgress);
    return { lines: stage.lines, rfm: stage.result };
  }

  /**
   * Each customer's cluster (in the order of the RFM customers) under a clustering of the RFM
   * figures, computed once (and shared with the page's segmentation of the same options).
   */
  async customerClusters(
    settings: RfmSettings,
    clustering: AnalysisOptions,
    k: number,
    hooks: SegmentationHooks = {},
  ): Promise<Int32Array> {
    const analysis = await this.segmentation({ options: clustering, rfm: settings }, hooks);
    if (resultFor(analysis, k) === null)
      throw new UserError('bad-option', 'exportNoSegmentation', { k });
    return customerClusters(analysis, k, this.rfm(settings).customers.length);
  }

  /** One page of the RFM customer table, sorted and filtered here (with value columns if given). */
  rfmCustomers(settings: RfmSettings, query: RfmQuery, value?: RfmValueColumns): RfmPage {
    return this.rfmStage(settings).table.page(query, value);
  }

  /** The table a request segments, and the options it runs with there. */
  private target(request: SegmentationRequest, onProgress?: PipelineProgress) {
    if (request.rfm === null) return { analysis: this.rows, options: request.options, rfm: null };
    const stage = this.rfmStage(request.rfm, onProgress);
    if (stage.result.customers.length < 2) throw new UserError('too-few-rows', 'rfmOneCustomer');
    return {
      analysis: stage.customers,
      options: rfmAnalysisOptions(request.options, stage.result.hasMoney),
      rfm: stage.result,
    };
  }

  async segmentation(
    request: SegmentationRequest,
    hooks: SegmentationHooks = {},
  ): Promise<AnalysisResult> {
    const { analysis, options } = this.target(request, hooks.onProgress);
    return analysis.segment(options, hooks);
  }

  async segmentationView(
    request: SegmentationRequest,
    hooks: SegmentationHooks = {},
  ): Promise<SegmentationView> {
    const { analysis, options, rfm } = this.target(request, hooks.onProgress);
    const result = await analysis.segment(options, hooks);
    return segmentationView(analysis.table, result, options, rfm);
  }

  /**
   * The cleaned and scaled features a segmentation works on (computed once, shared with the
   * segmentation itself), the table its rows index and the options it runs with: what explaining
   * or predicting from those rows needs.
   */
  featureStage(
    request: SegmentationRequest,
    onProgress?: PipelineProgress,
  ): { table: Table; options: AnalysisOptions; stage: FeatureStage } {
    const { analysis, options } = this.target(request, onProgress);
    return { table: analysis.table, options, stage: analysis.features(options, onProgress) };
  }

  /** k-means, hierarchical and DBSCAN side by side on a segmentation's rows and options. */
  compare(
    request: SegmentationRequest,
    k: number,
    onProgress?: PipelineProgress,
  ): AlgorithmComparison {
    const { analysis, options } = this.target(request, onProgress);
    return analysis.compare(options, k, onProgress);
  }

  /** Every analysed row (or one segment's) with its original cells, segment and label. */
  async exportSegments(
    request: SegmentationRequest,
    k: number,
    segment: number | null,
    render: Render,
    names: readonly (string | null)[] = [],
    choice: SegmentsExportChoice = {},
  ): Promise<ExportParts> {
    const analysis = await this.segmentation(request);
    return segmentsExport(
      this.fileName,
      this.table,
      this.columns,
      request.options,
      analysis,
      k,
      segment,
      render,
      names,
      choice,
    );
  }

  /** The rows the cleaning set aside, each with its line, reason and cells. */
  async exportCleaningReport(
    request: SegmentationRequest,
    render: Render,
    dialect: ExportDialect = 'standard',
  ): Promise<ExportParts> {
    const analysis = await this.segmentation(request);
    const { fileName, table, columns } = this;
    return cleaningReportExport(
      fileName,
      table,
      columns,
      request.options,
      analysis,
      render,
      dialect,
    );
  }

  /** The per-customer RFM table (all customers, one named segment, or one cluster). */
  async exportRfm(
    settings: RfmSettings,
    clustering: AnalysisOptions | null,
    choice: RfmExportChoice,
    render: Render,
  ): Promise<ExportParts> {
    const { result } = this.rfmStage(settings);
    const analysis =
      clustering === null || choice.k === null
        ? null
        : await this.segmentation({ options: clustering, rfm: settings });
    return rfmExport(this.fileName, result, analysis, choice, render, this.table.dialect);
  }

  /** The order lines RFM left out, each with its line, reason and cells. */
  exportRfmSetAside(
    settings: RfmSettings,
    render: Render,
    dialect: ExportDialect = 'standard',
  ): ExportParts {
    const { fileName, table, columns } = this;
    return rfmSetAsideExport(fileName, table, columns, this.rfm(settings), render, dialect);
  }
}
