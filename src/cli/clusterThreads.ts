import { availableParallelism } from 'node:os';
import { Worker as NodeWorker } from 'node:worker_threads';
import { threadScript } from './threadScript';
import type { PartReader } from '../core/read/readParts';
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
  private thread: NodeWorker | null = null;
  /** Messages posted before the thread's script was ready, in order. */
  private readonly waiting: [unknown, Transferable[] | undefined][] = [];
  /** Ended by the pool (not on its own). */
  private ended = false;
  private held = false;

  /** The thread starts once its script is ready (bundled: threadScript). */
  constructor(script: Promise<URL>) {
    super();
    void script.then((url) => this.launch(url));
  }

  // Not `start`: Comlink calls an endpoint's start() as a MessagePort's.
  private launch(url: URL): void {
    if (this.ended) return;
    const thread = new NodeWorker(url);
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
    if (this.held) thread.ref();
    else thread.unref();
    for (const [message, transfer] of this.waiting.splice(0))
      thread.postMessage(message, (transfer ?? []) as never);
  }

  /** Tells the pool, as a failed Worker would: it gives the thread's jobs to the others. */
  private fail(message: string): void {
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (this.thread === null) this.waiting.push([message, transfer]);
    else this.thread.postMessage(message, (transfer ?? []) as never);
  }

  terminate(): void {
    this.ended = true;
    void this.thread?.terminate();
  }

  /** While a run waits on it, the thread keeps the process alive. */
  busy(): void {
    this.held = true;
    this.thread?.ref();
  }

  /** Between runs it does not: a command ends when its own work does. */
  idle(): void {
    this.held = false;
    this.thread?.unref();
  }
}

export interface ThreadExecutor extends ClusterExecutor {
  /** Helper threads started so far (none until an elbow needs them). */
  readonly threads: number;
  /** Settles once the threads started are up (or failed); at once when none was started. */
  up(): Promise<void>;
  /** The jobs the threads have done so far. */
  readonly helperJobs: number;
  /**
   * A thread reads the later part of the file at `path` (readCsv's `parts`). The threads start
   * now, so that one is up (0.2 to 0.4 s) while this thread reads the file's start; the reader
   * hands it half of what is left then.
   */
  parts(path: string): PartReader;
}

/**
 * The elbow's k values spread over helper threads, as the page spreads them over workers: one
 * fewer helper than the machine has cores (this thread clusters too), at most MAX_HELPERS. The
 * threads start when a file large enough to be read in two parts is opened (`parts`), or else
 * when an elbow large enough for the pool (POOL_MIN_CELLS) first runs; each takes work once it
 * is up (0.15 to 0.4 s on the bundled script, threadScript; nothing waits for it).
 */
export function threadExecutor(
  helpers = Math.min(MAX_HELPERS, availableParallelism() - 1),
  /** The thread's script (tests give one that fails); null: the bundle of clusterThread.ts. */
  entry: URL | null = null,
): ThreadExecutor {
  const script = () =>
    entry === null
      ? threadScript(
          new URL('./clusterThread.ts', import.meta.url),
          new URL('./clusterThread.mjs', import.meta.url),
        )
      : Promise.resolve(entry);
  let workers: ThreadWorker[] | null = null;
  let pool: PoolExecutor | null = null;
  const startedPool = (): PoolExecutor => {
    if (pool === null) {
      const started: ThreadWorker[] = [];
      pool = createPoolExecutor(helpers, () => {
        const worker = new ThreadWorker(script());
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
    parts(path) {
      if (helpers >= 1) startedPool();
      return {
        ready: () => helpers >= 1 && startedPool().parts(path).ready(),
        async read(request) {
          // While the reader waits on it, the thread keeps the process alive.
          const busy = workers ?? [];
          for (const worker of busy) worker.busy();
          try {
            return await startedPool().parts(path).read(request);
          } finally {
            for (const worker of busy) worker.idle();
          }
        },
      };
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
