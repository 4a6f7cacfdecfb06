import type { AnalysisOptions } from '../core/analysisOptions';
import type { ElbowPoint } from '../core/chooseK';
import * as api from './analysisApi';
import { CancelledError, type AnalysisClient, type LoadRequest } from './analysisClient';
import type { ProgressListener } from './throttle';

/**
 * The same client without a worker: the analysis runs on the calling thread. For tests in
 * jsdom (which has no Worker) and as the fallback where workers cannot start. Cancel can only
 * discard the result, since nothing else can interrupt work on this thread.
 */
export class InProcessAnalysisClient implements AnalysisClient {
  private generation = 0;
  private holds: { request: LoadRequest | null; optionsKey: string | null } = {
    request: null,
    optionsKey: null,
  };

  async load(request: LoadRequest, onProgress?: ProgressListener) {
    const generation = this.generation;
    const outcome = await api.loadFile(request.file, request.name, request.choice, onProgress);
    this.check(generation);
    this.holds = { request: outcome.ok ? request : null, optionsKey: null };
    return outcome;
  }

  async analyze(
    request: LoadRequest,
    options: AnalysisOptions,
    onProgress?: ProgressListener,
    onElbowPoint?: (point: ElbowPoint) => void,
  ) {
    const generation = this.generation;
    await this.ensureLoaded(request);
    const outcome = await api.analyze(options, onProgress, onElbowPoint);
    this.check(generation);
    this.holds.optionsKey = outcome.ok ? JSON.stringify(options) : null;
    return outcome;
  }

  async exportSegments(
    request: LoadRequest,
    options: AnalysisOptions,
    k: number,
    segment: number | null,
  ) {
    await this.ensureAnalysed(request, options);
    return api.exportSegments(k, segment);
  }

  async exportCleaningReport(request: LoadRequest, options: AnalysisOptions) {
    await this.ensureAnalysed(request, options);
    return api.exportCleaningReport();
  }

  cancel(): void {
    this.generation++;
    this.holds = { request: null, optionsKey: null };
  }

  private check(generation: number): void {
    if (generation !== this.generation) throw new CancelledError();
  }

  private async ensureLoaded(request: LoadRequest): Promise<void> {
    if (this.holds.request === request) return;
    const outcome = await api.loadFile(request.file, request.name, request.choice);
    if (!outcome.ok) throw new Error(outcome.error.message);
    this.holds = { request, optionsKey: null };
  }

  private async ensureAnalysed(request: LoadRequest, options: AnalysisOptions): Promise<void> {
    await this.ensureLoaded(request);
    if (this.holds.optionsKey === JSON.stringify(options)) return;
    const outcome = await api.analyze(options);
    if (!outcome.ok) throw new Error(outcome.error.message);
    this.holds.optionsKey = JSON.stringify(options);
  }
}
