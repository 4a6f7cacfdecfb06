/**
 * The worker's side of the thread boundary: one analysis session (api/heldSession.ts) and a
 * function of a few lines per request, one file per part of the page (analysis.worker.ts exposes
 * them with Comlink, inProcessClient.ts calls them on the page's thread). Every request names the
 * file it is about; a worker that does not hold that file answers 'no-session', and the client
 * opens the file again. Only the requests are exported here, and setClusterExecutor, which the
 * worker entry calls and takes out before exposing the rest: the session's helpers stay inside.
 */
export { close, open, ping, setClusterExecutor } from './api/heldSession';
export * from './api/segmentsApi';
export * from './api/basketsApi';
export * from './api/valueApi';
export * from './api/recommendApi';
export * from './api/classifyApi';
export * from './api/modelsApi';
