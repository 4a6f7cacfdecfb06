import { availableParallelism } from 'node:os';
import { Worker as NodeWorker } from 'node:worker_threads';
import { inlineExecutor, type ClusterExecutor } from '../core/cluster/clusterJob';
import { helperThreadScript, type ThreadScript } from './helperThreadScript';
import {
  createPoolExecutor,
  MAX_HELPERS,
  POOL_MIN_CELLS,
  type PoolExecutor,
} from '../pool/clusterPool';

/**
 * A node thread dressed as the page's Worker (message and error events, postMessage, terminate),
 * so that the page's pool runs the command line's helpers unchanged. The thread starts once its
 * script is known (it may still be bundling); messages posted before then wait for it.
 */
class ThreadWorker extends EventTarget {
  private thread: NodeWorker | null = null;
  private readonly waiting: { message: unknown; transfer: Transferable[] }[] = [];
  /** Ended by the pool (not on its own). */
  private ended = false;
  /** Whether the thread should keep the process alive (while a run waits on it). */
  private referenced = false;

  constructor(script: ThreadScript | Promise<ThreadScript>) {
    super();
    if (script instanceof Promise)
      script.then(
        (ready) => this.launch(ready),
        (error: unknown) => this.fail(String(error)),
      );
    else this.launch(script);
  }

  // Not `start`: Comlink calls an endpoint's start() before each message.
  private launch(script: ThreadScript): void {
    if (this.ended) return;
    let thread: NodeWorker;
    try {
      thread =
        'code' in script
          ? new NodeWorker(script.code, { eval: true })
          : new NodeWorker(script.entry);
    } catch (error) {
      this.fail((error as Error).message);
      return;
    }
    this.thread = thread;
    thread.on('message', (data: unknown) =>
      this.dispatchEvent(new MessageEvent('message', { data })),
    );
    thread.on('error', (error: Error) => this.fail(error.message));
    thread.on('messageerror', (error: Error) => this.fail(error.message));
    // A thread that ends on its own would leave the pool waiting for its answer forever.
    thread.on('exit', (code: number) => {
      if (!this.ended) this.fail(`the thread ended (exit code ${code})`);
    });
    if (this.referenced) thread.ref();
    else thread.unref();
    for (const { message, transfer } of this.waiting.splice(0))
      thread.postMessage(message, transfer as never);
  }

  /** Tells the pool, as a failed Worker would: it gives the thread's jobs to the others. */
  private fail(message: string): void {
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (this.thread === null) this.waiting.push({ message, transfer: transfer ?? [] });
    else this.thread.postMessage(message, (transfer ?? []) as never);
  }

  terminate(): void {
    this.ended = true;
    this.waiting.length = 0;
    if (this.thread !== null) void this.thread.terminate();
  }

  /** While a run waits on it, the thread keeps the process alive. */
  busy(): void {
    this.referenced = true;
    this.thread?.ref();
  }

  /** Between runs it does not: a command ends when its own work does. */
  idle(): void {
    this.referenced = false;
    this.thread?.unref();
  }
}

export interface ThreadExecutor extends ClusterExecutor {
  /** Helper threads started so far (none until an elbow needs them or start() is called). */
  readonly threads: number;
  /**
   * Starts the threads now, for the elbow to come: from then on every elbow of two or more k is
   * spread over them, however small.
   */
  start(): void;
  /** Settles once the threads started are up (or failed); at once when none was started. */
  up(): Promise<void>;
  /** The jobs the threads have done so far. */
  readonly helperJobs: number;
}

/**
 * The elbow's k values spread over helper threads, as the page spreads them over workers: one
 * fewer helper than the machine has cores (this thread clusters too), at most MAX_HELPERS. Each
 * thread takes jobs once it is up; the elbow does not wait for it.
 *
 * The threads start when a command that clusters opens its file (start()), or else when an elbow
 * large enough for the page's pool (POOL_MIN_CELLS) first runs. Once they are up, a small elbow
 * gains too: `rfm` on Online Retail (4,338 customers, ten starts, k = 1..10) clustered in 0.60 to
 * 0.73 s with one helper against 0.87 to 0.92 s on one thread, and the read beside the threads'
 * start took 0.56 to 0.59 s against 0.52 to 0.56 s (five runs each, 2026-12-05). Loaded through
 * tsx's hooks instead of bundled (helperThreadScript.ts), a thread cost a read beside it 0.7 s.
 */
export function threadExecutor(
  helpers = Math.min(MAX_HELPERS, availableParallelism() - 1),
  /** The thread's script (tests give one that fails). */
  script: () => ThreadScript | Promise<ThreadScript> = helperThreadScript,
): ThreadExecutor {
  let workers: ThreadWorker[] | null = null;
  let pool: PoolExecutor | null = null;
  const startedPool = (): PoolExecutor => {
    if (pool === null) {
      const started: ThreadWorker[] = [];
      // Every elbow goes to the threads once they run: the threshold is for starting them.
      pool = createPoolExecutor(
        helpers,
        () => {
          const worker = new ThreadWorker(script());
          started.push(worker);
          return worker as unknown as Worker;
        },
        0,
      );
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
    start() {
      if (helpers >= 1) startedPool();
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
      if (helpers < 1 || ks.length < 2 || (pool === null && data.n * data.d < POOL_MIN_CELLS))
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
