import { expose } from 'comlink';
import { warmUpClustering } from '../core/cluster/clusterJob';
import { helperApi } from '../pool/clusterApi';

// Compile the k-means code while the page still waits for a file.
setTimeout(warmUpClustering, 0);

expose(helperApi);
