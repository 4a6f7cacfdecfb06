// The entry of a command-line helper thread. A thread does not inherit its parent's module
// hooks, so it registers tsx itself (as bin/segmentlens.mjs does) before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./clusterThread.ts');
