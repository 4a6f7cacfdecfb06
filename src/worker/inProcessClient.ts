import * as api from './analysisApi';
import { CancelledError, ReplayingClient, type AnalysisBackend } from './analysisClient';

/**
 * The same client without a worker: the analysis runs on the calling thread. For tests in
 * jsdom (which has no Worker) and as the fallback where workers cannot start. Cancel can only
 * discard the result, since nothing else can interrupt work on this thread.
 */
export class InProcessAnalysisClient extends ReplayingClient {
  private generation = 0;

  cancel(): void {
    this.generation++;
    this.forget();
  }

  protected async call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T> {
    const generation = this.generation;
    const result = await work(api);
    if (generation !== this.generation) throw new CancelledError();
    return result;
  }
}
