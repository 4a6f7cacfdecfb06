import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisOptions } from '../core/analysisOptions';
import type { ElbowPoint } from '../core/chooseK';
import type * as AnalysisApi from './analysisApi';
import type { AnalysisView, DatasetSummary, ExportFile, Outcome, ReadChoice } from './analysisApi';
import type { ProgressListener } from './throttle';

type Api = typeof AnalysisApi;

/** A file to analyse, as the page holds it: the File itself, never its text. */
export interface LoadRequest {
  file: Blob;
  name: string;
  choice: ReadChoice;
}

/** The main thread's view of the analysis, whether it runs in a worker or not. */
export interface AnalysisClient {
  load(request: LoadRequest, onProgress?: ProgressListener): Promise<Outcome<DatasetSummary>>;
  analyze(
    request: LoadRequest,
    options: AnalysisOptions,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
  ): Promise<Outcome<AnalysisView>>;
  exportSegments(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    segment: number | null,
  ): Promise<ExportFile>;
  exportCleaningReport(request: LoadRequest, options: AnalysisOptions): Promise<ExportFile>;
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
 * A cancelled worker is gone with its data: the next call starts a fresh worker and first hands
 * it the file again (and the analysis, for exports), so callers never see the difference.
 */
export class WorkerAnalysisClient implements AnalysisClient {
  private worker: Worker | null = null;
  private ready: Promise<Remote<Api>> | null = null;
  private readonly pending = new Set<(error: Error) => void>();
  /** What the live worker holds. */
  private holds: { request: LoadRequest | null; optionsKey: string | null } = {
    request: null,
    optionsKey: null,
  };

  constructor(private readonly createWorker: () => Worker = createAnalysisWorker) {}

  load(request: LoadRequest, onProgress?: ProgressListener): Promise<Outcome<DatasetSummary>> {
    return this.run(async (remote) => {
      this.holds = { request: null, optionsKey: null };
      const outcome = await remote.loadFile(
        request.file,
        request.name,
        request.choice,
        onProgress ? proxy(onProgress) : undefined,
      );
      if (outcome.ok) this.holds = { request, optionsKey: null };
      return outcome;
    });
  }

  analyze(
    request: LoadRequest,
    options: AnalysisOptions,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
  ): Promise<Outcome<AnalysisView>> {
    return this.run(async (remote) => {
      await this.ensureLoaded(remote, request, onProgress);
      this.holds.optionsKey = null;
      const outcome = await remote.analyze(
        options,
        onProgress ? proxy(onProgress) : undefined,
        onElbowPoint ? proxy(onElbowPoint) : undefined,
      );
      if (outcome.ok) this.holds.optionsKey = JSON.stringify(options);
      return outcome;
    });
  }

  exportSegments(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    segment: number | null,
  ): Promise<ExportFile> {
    return this.run(async (remote) => {
      await this.ensureAnalysed(remote, request, options);
      return remote.exportSegments(k, segment);
    });
  }

  exportCleaningReport(request: LoadRequest, options: AnalysisOptions): Promise<ExportFile> {
    return this.run(async (remote) => {
      await this.ensureAnalysed(remote, request, options);
      return remote.exportCleaningReport();
    });
  }

  cancel(): void {
    this.terminate(new CancelledError());
  }

  prepare(): void {
    this.start().catch(() => {
      // A worker that cannot start is reported by the first real call.
    });
  }

  private async ensureLoaded(
    remote: Remote<Api>,
    request: LoadRequest,
    onProgress?: ProgressListener,
  ): Promise<void> {
    if (this.holds.request === request) return;
    const outcome = await remote.loadFile(
      request.file,
      request.name,
      request.choice,
      onProgress ? proxy(onProgress) : undefined,
    );
    if (!outcome.ok) throw new WorkerFailedError(outcome.error.message);
    this.holds = { request, optionsKey: null };
  }

  private async ensureAnalysed(
    remote: Remote<Api>,
    request: LoadRequest,
    options: AnalysisOptions,
  ): Promise<void> {
    await this.ensureLoaded(remote, request);
    const key = JSON.stringify(options);
    if (this.holds.optionsKey === key) return;
    const outcome = await remote.analyze(options);
    if (!outcome.ok) throw new WorkerFailedError(outcome.error.message);
    this.holds.optionsKey = key;
  }

  /** Runs a call on the worker; the promise rejects if the worker is terminated or fails meanwhile. */
  private run<T>(call: (remote: Remote<Api>) => Promise<T>): Promise<T> {
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
        .then(call)
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
    this.holds = { request: null, optionsKey: null };
    for (const fail of [...this.pending]) fail(reason);
    this.pending.clear();
  }
}
