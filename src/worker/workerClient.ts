import { proxy, wrap, type Remote } from 'comlink';
import type * as AnalysisApi from './analysisApi';
import { message } from '../core/common/message';
import { CancelledError, WorkerFailedError } from './clientErrors';
import { SessionClient, type AnalysisBackend } from './sessionClient';

type Api = typeof AnalysisApi;

/** The worker's Comlink proxy as a backend: every callback crosses the boundary as a proxy. */
function backendOf(remote: Remote<Api>): AnalysisBackend {
  const wrapped = <T extends (...args: never[]) => unknown>(callback: T | undefined) =>
    callback ? proxy(callback) : undefined;
  return {
    ping: () => remote.ping(),
    close: () => remote.close(),
    open: (id, file, name, choice, onProgress) =>
      remote.open(id, file, name, choice, wrapped(onProgress)),
    rfm: (id, settings, onProgress) => remote.rfm(id, settings, wrapped(onProgress)),
    rfmCustomers: (id, settings, query) => remote.rfmCustomers(id, settings, query),
    segmentation: (id, request, onProgress, onElbowPoint) =>
      remote.segmentation(id, request, wrapped(onProgress), wrapped(onElbowPoint)),
    compare: (id, request, k, onProgress) => remote.compare(id, request, k, wrapped(onProgress)),
    exportSegments: (id, request, k, segment, language) =>
      remote.exportSegments(id, request, k, segment, language),
    exportCleaningReport: (id, request, language, dialect) =>
      remote.exportCleaningReport(id, request, language, dialect),
    exportRfm: (id, settings, clustering, choice, language) =>
      remote.exportRfm(id, settings, clustering, choice, language),
    exportRfmSetAside: (id, settings, language, dialect) =>
      remote.exportRfmSetAside(id, settings, language, dialect),
    // Explaining the segments and predicting a column (issue #15).
    explain: (id, request, onProgress) => remote.explain(id, request, wrapped(onProgress)),
    predict: (id, request, segments, onProgress) =>
      remote.predict(id, request, segments, wrapped(onProgress)),
    exportExplained: (id, request, language, names) =>
      remote.exportExplained(id, request, language, names),
    exportPredictions: (id, request, language) => remote.exportPredictions(id, request, language),
    // Recommendations (issue 14)
    recommendEvaluate: (id, request, groupings, onProgress) =>
      remote.recommendEvaluate(id, request, groupings, wrapped(onProgress)),
    recommendTopItems: (id, request, method, map, onProgress) =>
      remote.recommendTopItems(id, request, method, map, wrapped(onProgress)),
    recommendCustomer: (id, request, method, customerId, map, onProgress) =>
      remote.recommendCustomer(id, request, method, customerId, map, wrapped(onProgress)),
    exportRecommendations: (id, request, method, map, segment, language) =>
      remote.exportRecommendations(id, request, method, map, segment, language),
    customerValue: (id, request, onProgress) =>
      remote.customerValue(id, request, wrapped(onProgress)),
    valueByGroup: (id, request, grouping, onProgress) =>
      remote.valueByGroup(id, request, grouping, wrapped(onProgress)),
    valueCustomerPage: (id, request, query) => remote.valueCustomerPage(id, request, query),
    exportValue: (id, request, choice, language) =>
      remote.exportValue(id, request, choice, language),
    exportAtRisk: (id, request, map, language) => remote.exportAtRisk(id, request, map, language),
    // Baskets (#13)
    rules: (id, request, onProgress) => remote.rules(id, request, wrapped(onProgress)),
    rulesPage: (id, request, query) => remote.rulesPage(id, request, query),
    rulesOverview: (id, rfm, grouping, onProgress) =>
      remote.rulesOverview(id, rfm, grouping, wrapped(onProgress)),
    exportRules: (id, request, view, language) => remote.exportRules(id, request, view, language),
    exportItemsets: (id, request, language) => remote.exportItemsets(id, request, language),
    // Saved analyses (#17)
    saveAnalysis: (id, request, k, names, rfmMap, language) =>
      remote.saveAnalysis(id, request, k, names, rfmMap, language),
    exportNamedSegments: (id, request, k, segment, names, dialect, language) =>
      remote.exportNamedSegments(id, request, k, segment, names, dialect, language),
    readModel: (file) => remote.readModel(file),
    applySaved: (id, model, onProgress) => remote.applySaved(id, model, wrapped(onProgress)),
    exportApplied: (id, model, segment, language) =>
      remote.exportApplied(id, model, segment, language),
    exportAppliedSetAside: (id, model, language) =>
      remote.exportAppliedSetAside(id, model, language),
    modelQuery: (model, options, language) => remote.modelQuery(model, options, language),
    // The HTML report (#18)
    reportHtml: (id, request, language) => remote.reportHtml(id, request, language),
    distribution: (id, request) => remote.distribution(id, request),
  };
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
 * A cancelled worker is gone with its data: the next call starts a fresh one, which reads the
 * file again when a request needs it.
 */
export class WorkerAnalysisClient extends SessionClient {
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
        new WorkerFailedError(message('workerCannotStart', { detail: (error as Error).message })),
      );
    }
    this.worker = worker;
    const notStarted = () => new WorkerFailedError(message('workerNotStarted'));
    const onError = (event: Event) => {
      if (this.worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.terminate(
        new WorkerFailedError(
          detail ? message('workerStoppedBecause', { detail }) : message('workerStopped'),
        ),
      );
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const remote = wrap<Api>(worker);
    const started = new Promise<Remote<Api>>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.worker === worker) this.terminate(notStarted());
        reject(notStarted());
      }, START_TIMEOUT_MS);
      remote.ping().then(
        () => {
          clearTimeout(timer);
          resolve(remote);
        },
        (error: unknown) => {
          clearTimeout(timer);
          // A worker that cannot answer is ended, so the next call starts a fresh one.
          if (this.worker === worker) this.terminate(notStarted());
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
    for (const fail of [...this.pending]) fail(reason);
    this.pending.clear();
  }
}
