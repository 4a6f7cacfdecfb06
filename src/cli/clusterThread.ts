import { expose, type Endpoint } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { helperApi } from '../pool/clusterApi';

// A helper thread of the command line: the page's helper API, over the thread's port (a node
// MessagePort is an EventTarget whose message events carry `data`, as a worker's do).
if (parentPort === null) throw new Error('clusterThread.ts runs as a worker thread.');
expose(helperApi, parentPort as unknown as Endpoint);
