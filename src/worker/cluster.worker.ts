import { expose, transfer } from 'comlink';
import * as clusterApi from './clusterApi';

expose({
  setData: clusterApi.setData,
  async cluster(...args: Parameters<typeof clusterApi.cluster>) {
    const outcome = await clusterApi.cluster(...args);
    return transfer(outcome, clusterApi.outcomeBuffers(outcome));
  },
});
