import { expose, transfer } from 'comlink';
import { warmUpClustering } from '../core/cluster/clusterJob';
import { warmUpReading } from '../core/read/readCsv';
import { segmentationViewBuffers } from '../core/session/segmentationView';
import * as analysisApi from './analysisApi';
import { createPoolExecutor } from '../pool/clusterPool';

// k-means jobs spread over this worker and one helper per other core.
analysisApi.setClusterExecutor(
  createPoolExecutor(
    Math.max(0, (navigator.hardwareConcurrency || 2) - 1),
    () =>
      new Worker(new URL('./cluster.worker.ts', import.meta.url), {
        type: 'module',
        name: 'segmentlens-cluster',
      }),
  ),
);

// Compile the reader and the k-means code while the page still waits for a file.
setTimeout(() => void warmUpReading().then(warmUpClustering), 0);

// The one place that speaks Comlink: the API as it is, except that segmentations move their arrays.
const { setClusterExecutor: _setup, ...api } = analysisApi;
expose({
  ...api,
  async segmentation(...args: Parameters<typeof analysisApi.segmentation>) {
    const outcome = await analysisApi.segmentation(...args);
    return outcome.ok ? transfer(outcome, segmentationViewBuffers(outcome.value)) : outcome;
  },
});
