import { availableParallelism } from 'node:os';
import { Worker as NodeWorker } from 'node:worker_threads';
import { inlineExecutor, type ClusterExecutor } from '../core/cluster/clusterJob';
import { createPoolExecutor, MAX_HELPERS, POOL_MIN_CELLS } from '../pool/clusterPool';

/**
 * A node thread dressed as the page's Worker (message and error events, postMessage, terminate),
 * so that the page's pool runs the command line's helpers unchanged.
 */
class ThreadWorker extends EventTarget {
  private readonly thread: NodeWorker;
  /** Ended by the pool (not on its own). */
  private ended = false;

  constructor(entry: URL) {
    super();
    this.thread = new NodeWorker(entry);
    this.thread.on('message', (data: unknown) =>
      this.dispatchEvent(new MessageEvent('message', { data })),
    );
    this.thread.on('error', (error: Error) => this.fail(error.message));
    this.thread.on('messageerror', (error: Error) => this.fail(error.message));
    // A thread that ends on its own would leave the pool waiting for its answer forever.
    this.thread.on('exit', (code: number) => {
      if (!this.ended) this.fail(`the thread ended (exit code ${code})`);
    });
    this.idle();
  }

  /** Tells the pool, as a failed Worker would: it gives the thread's jobs to the others. */
  private fail(message: string): void {
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.thread.postMessage(message, (transfer ?? []) as never);
  }

  terminate(): void {
    this.ended = true;
    void this.thread.terminate();
  }

  /** While a run waits on it, the thread keeps the process alive. */
  busy(): void {
    this.thread.ref();
  }

  /** Between runs it does not: a command ends when its own work does. */
  idle(): void {
    this.thread.unref();
  }
}

export interface ThreadExecutor extends ClusterExecutor {
  /** Helper threads started so far (none until a large elbow needs them). */
  readonly threads: number;
}

/**
 * The elbow's k values spread over helper threads, as the page spreads them over workers: one
 * fewer helper than the machine has cores (this thread clusters too), at most MAX_HELPERS. The
 * threads start only when a file is large enough for the pool to pay (POOL_MIN_CELLS).
 */
export function threadExecutor(
  helpers = Math.min(MAX_HELPERS, availableParallelism() - 1),
  /** The thread's script (tests give one that fails). */
  entry = new URL('./clusterThread.mjs', import.meta.url),
): ThreadExecutor {
  let workers: ThreadWorker[] | null = null;
  let pool: ClusterExecutor | null = null;
  return {
    get threads() {
      return workers?.length ?? 0;
    },
    async run(data, ks, settings, onOutcome, onProgress, before) {
      if (helpers < 1 || data.n * data.d < POOL_MIN_CELLS || ks.length < 2)
        return inlineExecutor.run(data, ks, settings, onOutcome, onProgress, before);
      if (workers === null) {
        const started: ThreadWorker[] = [];
        pool = createPoolExecutor(helpers, () => {
          const worker = new ThreadWorker(entry);
          started.push(worker);
          return worker as unknown as Worker;
        });
        workers = started;
      }
      for (const worker of workers) worker.busy();
      try {
        await (pool as ClusterExecutor).run(data, ks, settings, onOutcome, onProgress, before);
      } finally {
        for (const worker of workers) worker.idle();
      }
    },
  };
}
