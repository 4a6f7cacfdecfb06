import { expose, transfer } from 'comlink';
import { warmUpClustering } from '../core/cluster/clusterJob';
import * as clusterApi from './clusterApi';

// Compile the k-means code while the page still waits for a file.
setTimeout(warmUpClustering, 0);

expose({
  setData: clusterApi.setData,
  async cluster(...args: Parameters<typeof clusterApi.cluster>) {
    const outcome = await clusterApi.cluster(...args);
    return transfer(outcome, clusterApi.outcomeBuffers(outcome));
  },
});
