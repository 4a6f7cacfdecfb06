import * as api from './analysisApi';
import { CancelledError } from './clientErrors';
import { SessionClient, type AnalysisBackend } from './sessionClient';

/**
 * The same client without a worker: the analysis runs on the calling thread. For tests in
 * jsdom (which has no Worker) and as the fallback where workers cannot start. Cancel can only
 * discard the result, since nothing else can interrupt work on this thread; it also closes the
 * session, as a terminated worker would lose it.
 */
export class InProcessAnalysisClient extends SessionClient {
  private generation = 0;

  cancel(): void {
    this.generation++;
    void api.close();
  }

  protected async call<T>(work: (backend: AnalysisBackend) => Promise<T>): Promise<T> {
    const generation = this.generation;
    let result: T;
    try {
      result = await work(api);
    } catch (error) {
      // Work that stops itself once cancelled (predicting: between models) ends as a cancel.
      if (generation !== this.generation) throw new CancelledError();
      throw error;
    }
    if (generation !== this.generation) throw new CancelledError();
    return result;
  }
}
