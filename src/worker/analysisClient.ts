import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisOptions } from '../core/analysis/analysisOptions';
import type { ElbowPoint } from '../core/cluster/quality/chooseK';
import type { AlgorithmComparison } from '../core/cluster/compareAlgorithms';
import type { RfmSettings } from '../core/rfm/rfm';
import type * as AnalysisApi from './analysisApi';
import type {
  AnalysisView,
  DatasetSummary,
  ExportFile,
  Outcome,
  ReadChoice,
  RfmExportChoice,
  RfmPage,
  RfmQuery,
  RfmView,
} from './analysisApi';
import type { ProgressListener } from './throttle';

type Api = typeof AnalysisApi;

/** A file to analyse, as the page holds it: the File itself, never its text. */
export interface LoadRequest {
  file: Blob;
  name: string;
  choice: ReadChoice;
}

/**
 * The main thread's view of the analysis, whether it runs in a worker or not. Every call names
 * the file (and the settings) it is about, so that a fresh worker can be brought to that point.
 */
export interface AnalysisClient {
  load(request: LoadRequest, onProgress?: ProgressListener): Promise<Outcome<DatasetSummary>>;
  /** RFM from the order lines of the file. */
  rfm(
    request: LoadRequest,
    settings: RfmSettings,
    onProgress?: ProgressListener,
  ): Promise<Outcome<RfmView>>;
  /** The segmentation: of the file's rows, or with `rfm`, of the customers' RFM figures. */
  analyze(
    request: LoadRequest,
    options: AnalysisOptions,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
    rfm?: RfmSettings | null,
  ): Promise<Outcome<AnalysisView>>;
  rfmCustomers(request: LoadRequest, settings: RfmSettings, query: RfmQuery): Promise<RfmPage>;
  /** k-means, hierarchical and DBSCAN side by side on the analysis with these options. */
  compare(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    onProgress?: ProgressListener,
  ): Promise<Outcome<AlgorithmComparison>>;
  exportSegments(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    segment: number | null,
  ): Promise<ExportFile>;
  exportCleaningReport(request: LoadRequest, options: AnalysisOptions): Promise<ExportFile>;
  exportRfm(
    request: LoadRequest,
    settings: RfmSettings,
    options: AnalysisOptions,
    choice: RfmExportChoice,
  ): Promise<ExportFile>;
  exportRfmSetAside(request: LoadRequest, settings: RfmSettings): Promise<ExportFile>;
  /** Stops whatever runs now; its promises reject with CancelledError. */
  cancel(): void;
  /** Starts the worker ahead of need (while the page waits for a file). */
  prepare?(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

/** The worker died or never started; the message is one sentence for the alert region. */
export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailedError';
  }
}

/**
 * The analysis API as a client calls it: the module itself (in-process), or the worker's Comlink
 * proxy with its callbacks wrapped.
 */
export type AnalysisBackend = Pick<
  Api,
  | 'loadFile'
  | 'computeRfm'
  | 'analyze'
  | 'rfmCustomers'
  | 'compare'
  | 'exportSegments'
  | 'exportCleaningReport'
  | 'exportRfm'
  | 'exportRfmSetAside'
>;

function backendOf(remote: Remote<Api>): AnalysisBackend {
  const wrapped = <T extends (...args: never[]) => unknown>(callback: T | undefined) =>
    callback ? proxy(callback) : undefined;
  return {
    loadFile: (file, name, choice, onProgress) =>
      remote.loadFile(file, name, choice, wrapped(onProgress)),
    computeRfm: (settings, onProgress) => remote.computeRfm(settings, wrapped(onProgress)),
    analyze: (options, onProgress, onElbowPoint, rfm) =>
      remote.analyze(options, wrapped(onProgress), wrapped(onElbowPoint), rfm),
    rfmCustomers: (settings, query) => remote.rfmCustomers(settings, query),
    compare: (k, onProgress) => remote.compare(k, wrapped(onProgress)),
    exportSegments: (k, segment) => remote.exportSegments(k, segment),
    exportCleaningReport: () => remote.exportCleaningReport(),
    exportRfm: (settings, choice) => remote.exportRfm(settings, choice),
    exportRfmSetAside: (settings) => remote.exportRfmSetAside(settings),
  };
}

interface Holds {
  request: LoadRequest | null;
  rfmKey: string | null;
  analysisKey: string | null;
}

const NOTHING: Holds = { request: null, rfmKey: null, analysisKey: null };

/**
 * The calls, and what the backend holds after them: a backend that lost its state (a cancelled
 * worker is gone with its data) is first handed the file again, and the RFM or analysis an
 * export needs, so that callers never see the difference.
 */
export abstract class ReplayingClient implements AnalysisClient {
  private holds: Holds = NOTHING;

  /** Runs work against the backend; rejects with CancelledError if cancelled meanwhile. */
  protected abstract call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T>;
  abstract cancel(): void;

  protected forget(): void {
    this.holds = NOTHING;
  }

  load(request: LoadRequest, onProgress?: ProgressListener) {
    return this.call(async (backend) => {
      this.forget();
      const outcome = await backend.loadFile(
        request.file,
        request.name,
        request.choice,
        onProgress,
      );
      if (outcome.ok) this.holds = { ...NOTHING, request };
      return outcome;
    });
  }

  rfm(request: LoadRequest, settings: RfmSettings, onProgress?: ProgressListener) {
    return this.call(async (backend) => {
      await this.ensureLoaded(backend, request, onProgress);
      const key = JSON.stringify(settings);
      // New RFM settings replace the customers an analysis ran on.
      if (this.holds.rfmKey !== key)
        this.holds = { ...this.holds, rfmKey: null, analysisKey: null };
      const outcome = await backend.computeRfm(settings, onProgress);
      if (outcome.ok) this.holds = { ...this.holds, rfmKey: key };
      return outcome;
    });
  }

  analyze(
    request: LoadRequest,
    options: AnalysisOptions,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
    rfm: RfmSettings | null = null,
  ) {
    return this.call(async (backend) => {
      await this.ensureLoaded(backend, request, onProgress);
      this.holds = { ...this.holds, analysisKey: null };
      const outcome = await backend.analyze(options, onProgress, onElbowPoint, rfm);
      if (outcome.ok)
        this.holds = {
          ...this.holds,
          analysisKey: analysisKey(options, rfm),
          rfmKey: rfm === null ? this.holds.rfmKey : JSON.stringify(rfm),
        };
      return outcome;
    });
  }

  rfmCustomers(request: LoadRequest, settings: RfmSettings, query: RfmQuery) {
    return this.call(async (backend) => {
      await this.ensureRfm(backend, request, settings);
      return backend.rfmCustomers(settings, query);
    });
  }

  compare(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    onProgress?: ProgressListener,
  ) {
    return this.call(async (backend) => {
      await this.ensureAnalysed(backend, request, options, null);
      return backend.compare(k, onProgress);
    });
  }

  exportSegments(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    segment: number | null,
  ) {
    return this.call(async (backend) => {
      await this.ensureAnalysed(backend, request, options, null);
      return backend.exportSegments(k, segment);
    });
  }

  exportCleaningReport(request: LoadRequest, options: AnalysisOptions) {
    return this.call(async (backend) => {
      await this.ensureAnalysed(backend, request, options, null);
      return backend.exportCleaningReport();
    });
  }

  exportRfm(
    request: LoadRequest,
    settings: RfmSettings,
    options: AnalysisOptions,
    choice: RfmExportChoice,
  ) {
    return this.call(async (backend) => {
      if (choice.k === null) await this.ensureRfm(backend, request, settings);
      else await this.ensureAnalysed(backend, request, options, settings);
      return backend.exportRfm(settings, choice);
    });
  }

  exportRfmSetAside(request: LoadRequest, settings: RfmSettings) {
    return this.call(async (backend) => {
      await this.ensureRfm(backend, request, settings);
      return backend.exportRfmSetAside(settings);
    });
  }

  private async ensureLoaded(
    backend: AnalysisBackend,
    request: LoadRequest,
    onProgress?: ProgressListener,
  ): Promise<void> {
    if (this.holds.request === request) return;
    const outcome = await backend.loadFile(request.file, request.name, request.choice, onProgress);
    if (!outcome.ok) throw new WorkerFailedError(outcome.error.message);
    this.holds = { ...NOTHING, request };
  }

  private async ensureRfm(
    backend: AnalysisBackend,
    request: LoadRequest,
    settings: RfmSettings,
  ): Promise<void> {
    await this.ensureLoaded(backend, request);
    const key = JSON.stringify(settings);
    if (this.holds.rfmKey === key) return;
    this.holds = { ...this.holds, analysisKey: null };
    const outcome = await backend.computeRfm(settings);
    if (!outcome.ok) throw new WorkerFailedError(outcome.error.message);
    this.holds = { ...this.holds, rfmKey: key };
  }

  private async ensureAnalysed(
    backend: AnalysisBackend,
    request: LoadRequest,
    options: AnalysisOptions,
    rfm: RfmSettings | null,
  ): Promise<void> {
    await this.ensureLoaded(backend, request);
    if (rfm !== null) await this.ensureRfm(backend, request, rfm);
    const key = analysisKey(options, rfm);
    if (this.holds.analysisKey === key) return;
    const outcome = await backend.analyze(options, undefined, undefined, rfm);
    if (!outcome.ok) throw new WorkerFailedError(outcome.error.message);
    this.holds = { ...this.holds, analysisKey: key };
  }
}

function analysisKey(options: AnalysisOptions, rfm: RfmSettings | null): string {
  return JSON.stringify([options, rfm]);
}

const START_TIMEOUT_MS = 15_000;

export function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'segmentlens-analysis',
  });
}

/**
 * The bridge to the analysis worker (after squoosh's worker bridge). Comlink leaves a call
 * pending forever when its worker dies, so this client rejects its own pending calls when it
 * terminates the worker (cancel), when the worker reports an error, and when it fails to start.
 * A cancelled worker is gone with its data: the next call starts a fresh one, which the
 * replaying base brings back to where the call needs it.
 */
export class WorkerAnalysisClient extends ReplayingClient {
  private worker: Worker | null = null;
  private ready: Promise<Remote<Api>> | null = null;
  private readonly pending = new Set<(error: Error) => void>();

  constructor(private readonly createWorker: () => Worker = createAnalysisWorker) {
    super();
  }

  cancel(): void {
    this.terminate(new CancelledError());
  }

  prepare(): void {
    this.start().catch(() => {
      // A worker that cannot start is reported by the first real call.
    });
  }

  /** Runs a call on the worker; the promise rejects if the worker is terminated or fails meanwhile. */
  protected call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      this.start()
        .then((remote) => work(backendOf(remote)))
        .then(
          (value) => {
            if (settled) return;
            settled = true;
            this.pending.delete(fail);
            resolve(value);
          },
          (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
        );
    });
  }

  private start(): Promise<Remote<Api>> {
    if (this.ready) return this.ready;
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      return Promise.reject(
        new WorkerFailedError(
          `The analysis could not start in this browser (${(error as Error).message}): try another browser.`,
        ),
      );
    }
    this.worker = worker;
    const onError = (event: Event) => {
      if (this.worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.terminate(
        new WorkerFailedError(
          `The analysis stopped unexpectedly${detail ? ` (${detail})` : ''}: try again, or use the command line for very large files.`,
        ),
      );
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const remote = wrap<Api>(worker);
    const started = new Promise<Remote<Api>>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.worker === worker)
          this.terminate(
            new WorkerFailedError('The analysis did not start: reload the page and try again.'),
          );
        reject(new WorkerFailedError('The analysis did not start: reload the page and try again.'));
      }, START_TIMEOUT_MS);
      remote.ping().then(
        () => {
          clearTimeout(timer);
          resolve(remote);
        },
        (error: unknown) => {
          clearTimeout(timer);
          // A worker that cannot answer is ended, so the next call starts a fresh one.
          if (this.worker === worker)
            this.terminate(
              new WorkerFailedError('The analysis did not start: reload the page and try again.'),
            );
          reject(error);
        },
      );
    });
    this.ready = started;
    return started;
  }

  private terminate(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.forget();
    for (const fail of [...this.pending]) fail(reason);
    this.pending.clear();
  }
}
