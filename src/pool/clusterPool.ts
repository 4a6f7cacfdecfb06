import { transfer, wrap, type Remote } from 'comlink';
import {
  inlineExecutor,
  jobCost,
  runClusterJob,
  type ClusterExecutor,
  type ClusterOutcome,
} from '../core/cluster/clusterJob';
import { copyForTransfer, type helperApi } from './clusterApi';

type Helper = {
  worker: Worker;
  remote: Remote<typeof helperApi>;
  failed: Promise<never>;
  broken: boolean;
  /** Answered once the helper is up (its code loaded and warmed up): it then takes jobs. */
  started: Promise<void>;
  ready: boolean;
};

/**
 * Below this many matrix cells the elbow stays on one thread. Spread, a small file's elbow ends
 * sooner (2,000 x 8: 1.38 s instead of 1.67 s in the page), but with the analysis worker and a
 * helper busy on both of a 2-core machine's cores, the page's main thread had tasks of 117 and
 * 133 ms where it had none (bench:browser --long-tasks, 1,000 x 8, four runs each, 2026-12-04).
 */
export const POOL_MIN_CELLS = 50_000;
/** Jobs sent ahead to each helper. */
const PIPELINE = 2;
/**
 * Each helper holds its own copy of the profiles' data (and of the matrix, where memory cannot be
 * shared), so more than a few would cost too much memory.
 */
export const MAX_HELPERS = 3;

export interface PoolExecutor extends ClusterExecutor {
  /** Settles once every helper is up or has failed. */
  up(): Promise<void>;
  /** The jobs the helpers have done so far (the rest ran on this thread). */
  readonly helperJobs: number;
}

/**
 * Runs the elbow's k values on this thread and up to `helpers` more (the page's workers, or the
 * command line's threads dressed as workers). Each reads the scaled matrix from shared memory
 * where the platform allows it, or else holds its own copy (sent once per analysis and
 * transferred, not cloned). The helpers start when the pool is made: the page makes it when
 * its worker starts, since a worker started by a busy worker would wait for its parent's idle
 * moments to come up, and the command line when a command that clusters opens its file (or an
 * elbow first needs them; clusterThreads.ts). A helper takes jobs once it answers that it is
 * up. Jobs go out largest k first, to whoever is free, and every outcome is reported as it
 * arrives, so the elbow fills in. A helper that fails (out of
 * memory, say) gives its job back and the others finish the work; since Comlink would leave its
 * call pending forever, the pool listens for the helper's error itself.
 */
export function createPoolExecutor(
  helpers: number,
  createWorker: () => Worker,
  /** Smaller elbows stay on this thread (the command line gives its own). */
  minCells = POOL_MIN_CELLS,
): PoolExecutor {
  const pool: Helper[] = [];
  const count = Math.max(0, Math.min(helpers, MAX_HELPERS));
  for (let h = 0; h < count; h++) pool.push(startHelper(createWorker));

  let helperJobs = 0;
  return {
    get helperJobs() {
      return helperJobs;
    },
    async up() {
      await Promise.allSettled(pool.map((helper) => helper.started));
    },
    async run(data, ks, settings, onOutcome, onProgress, before) {
      const usable = pool.filter((helper) => !helper.broken);
      if (usable.length === 0 || data.n * data.d < minCells || ks.length < 2) {
        return inlineExecutor.run(data, ks, settings, onOutcome, onProgress, before);
      }
      const total = ks.reduce((sum, k) => sum + jobCost(k), 0);
      let done = 0;
      let local = 0;
      const report = () => onProgress?.(Math.min(1, (done + local) / total));
      const queue = [...ks].sort((a, b) => jobCost(b) - jobCost(a));
      const working = usable.slice(0, ks.length - 1);
      let localFinished = () => {};
      const localDone = new Promise<void>((resolve) => (localFinished = resolve));
      const helperLoops = working.map(async (helper) => {
        // A helper still starting joins once it is up; until then this thread takes the jobs,
        // and one that is not up before they are all taken gets none (the command line's
        // threads compile their code first, which takes longer than a small elbow).
        if (!helper.ready) await Promise.race([helper.started, helper.failed, localDone]);
        if (!helper.ready || helper.broken || queue.length === 0) return;
        try {
          const { copy, buffers } = copyForTransfer(data);
          // The data and the first jobs go out together, before this thread turns to work of
          // its own: the helper handles messages in order, so it needs no answer in between
          // (and an answer would wait until this thread is free to read it).
          const ready = Promise.race([
            helper.remote.setData(transfer(copy, buffers)),
            helper.failed,
          ]);
          // Failures are handled where the promises are awaited; these only keep a promise
          // that is never awaited (after another job failed) from being reported as unhandled.
          ready.catch(() => {});
          // Two calls in flight: the helper starts its next job at once, without waiting for
          // this thread (busy with a job of its own) to read the last answer.
          const inflight: { k: number; outcome: Promise<ClusterOutcome> }[] = [];
          for (;;) {
            while (inflight.length < PIPELINE && queue.length > 0) {
              const k = queue.shift() as number;
              const outcome = Promise.race([helper.remote.cluster(k, settings), helper.failed]);
              outcome.catch(() => {});
              inflight.push({ k, outcome });
            }
            const next = inflight.shift();
            if (!next) break;
            try {
              await ready;
              onOutcome(await next.outcome);
              helperJobs++;
              done += jobCost(next.k);
              report();
            } catch (error) {
              queue.push(next.k, ...inflight.map((job) => job.k));
              throw error;
            }
          }
        } finally {
          // The copy is not needed between analyses.
          if (!helper.broken) void helper.remote.setData(null).catch(() => {});
        }
      });
      // Settle handlers go on at once: a helper may fail while this thread is busy.
      const helpersDone = Promise.allSettled(helperLoops);
      // While a helper is still coming up (a command line's threads may start with the elbow),
      // this thread takes the smallest jobs and leaves the largest for the helpers: busy in one
      // job, it would not hear that a helper is up until that job ends, and a thread that took
      // the largest k first left its helper idle for 4.6 s of a 7.7 s elbow (1M rows).
      const starting = () => working.some((helper) => !helper.ready && !helper.broken);
      const nextLocal = () => (starting() ? queue.pop() : queue.shift());
      const localLoop = async () => {
        for (let k = nextLocal(); k !== undefined; k = nextLocal()) {
          const cost = jobCost(k);
          onOutcome(runClusterJob(data, k, settings, (f) => ((local = f * cost), report())));
          local = 0;
          done += cost;
          report();
          // Let the helpers' answers in between jobs.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      };
      before?.();
      await localLoop();
      localFinished();
      const settled = await helpersDone;
      // Jobs a failed helper gave back, done here.
      if (settled.some((s) => s.status === 'rejected')) await localLoop();
    },
  };
}

function startHelper(createWorker: () => Worker): Helper {
  const worker = createWorker();
  const helper = {
    worker,
    remote: wrap<typeof helperApi>(worker),
    broken: false,
    ready: false,
  } as Helper;
  helper.failed = new Promise<never>((_, reject) => {
    const fail = (event: Event) => {
      helper.broken = true;
      worker.terminate();
      reject(new Error(`a helper worker stopped (${(event as ErrorEvent).message ?? 'error'})`));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  });
  helper.failed.catch(() => {});
  helper.started = Promise.race([helper.remote.ready(), helper.failed]).then(
    () => void (helper.ready = true),
  );
  helper.started.catch(() => {});
  return helper;
}
