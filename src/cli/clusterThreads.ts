import { availableParallelism } from 'node:os';
import { Worker as NodeWorker } from 'node:worker_threads';
import { inlineExecutor, type ClusterExecutor } from '../core/cluster/clusterJob';
import {
  createPoolExecutor,
  MAX_HELPERS,
  POOL_MIN_CELLS,
  type PoolExecutor,
} from '../pool/clusterPool';

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
  /** Helper threads started so far (none until an elbow needs them). */
  readonly threads: number;
  /** Settles once the threads started are up (or failed); at once when none was started. */
  up(): Promise<void>;
  /** The jobs the threads have done so far. */
  readonly helperJobs: number;
}

/**
 * The elbow's k values spread over helper threads, as the page spreads them over workers: one
 * fewer helper than the machine has cores (this thread clusters too), at most MAX_HELPERS. The
 * threads start when an elbow large enough for the pool (POOL_MIN_CELLS) first runs, and each
 * takes jobs once it is up (a thread takes about 0.6 s to compile its code; the elbow does not
 * wait for it).
 *
 * Starting them while a large file is read, for the elbow after it, did not pay: on Online
 * Retail the RFM elbow gained 0.5 s, but reading, with a thread compiling its code on the other
 * core, lost 0.7 s (bench/runRfm.ts, four runs each, 2026-12-04).
 */
export function threadExecutor(
  helpers = Math.min(MAX_HELPERS, availableParallelism() - 1),
  /** The thread's script (tests give one that fails). */
  entry = new URL('./clusterThread.mjs', import.meta.url),
): ThreadExecutor {
  let workers: ThreadWorker[] | null = null;
  let pool: PoolExecutor | null = null;
  const startedPool = (): PoolExecutor => {
    if (pool === null) {
      const started: ThreadWorker[] = [];
      pool = createPoolExecutor(helpers, () => {
        const worker = new ThreadWorker(entry);
        started.push(worker);
        return worker as unknown as Worker;
      });
      workers = started;
    }
    return pool;
  };
  return {
    get threads() {
      return workers?.length ?? 0;
    },
    get helperJobs() {
      return pool?.helperJobs ?? 0;
    },
    async up() {
      // Waiting keeps the process alive, as a run does.
      const waiting = workers ?? [];
      for (const worker of waiting) worker.busy();
      try {
        await pool?.up();
      } finally {
        for (const worker of waiting) worker.idle();
      }
    },
    async run(data, ks, settings, onOutcome, onProgress, before) {
      if (helpers < 1 || data.n * data.d < POOL_MIN_CELLS || ks.length < 2)
        return inlineExecutor.run(data, ks, settings, onOutcome, onProgress, before);
      const running = startedPool();
      const busy = workers ?? [];
      for (const worker of busy) worker.busy();
      try {
        await running.run(data, ks, settings, onOutcome, onProgress, before);
      } finally {
        for (const worker of busy) worker.idle();
      }
    },
  };
}
