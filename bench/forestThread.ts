import { parentPort } from 'node:worker_threads';
import { forestPartOf, type ForestJob } from '../src/core/classify/randomForest';

/**
 * A worker thread of bench/classifySession.ts: grows the trees of the forest job it is sent
 * and sends back its part (the arrays moved, not copied), as the page's worker pool would. It
 * says 'ready' once loaded, so that loading it is not timed.
 */
parentPort!.postMessage('ready');
parentPort!.on('message', (job: ForestJob) => {
  const part = forestPartOf(job);
  const moved = [part.sums.buffer, part.importances.buffer, part.splits.buffer] as ArrayBuffer[];
  parentPort!.postMessage(part, moved);
});
