import { expose, type Endpoint } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { warmUpClustering } from '../core/cluster/clusterJob';
import { helperApi } from '../pool/clusterApi';

// A helper thread of the command line: the page's helper API, over the thread's port (a node
// MessagePort is an EventTarget whose message events carry `data`, as a worker's do).
if (parentPort === null) throw new Error('clusterThread.ts runs as a worker thread.');
// Compiled before the first answer: the pool gives a thread jobs once it answers, and a cold
// first job runs at about half speed.
warmUpClustering();
expose(helperApi, parentPort as unknown as Endpoint);
