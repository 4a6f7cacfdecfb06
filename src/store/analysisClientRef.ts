import { WorkerAnalysisClient, type AnalysisClient } from '../worker/analysisClient';

let client: AnalysisClient | null = null;

/** The client the store talks to: the analysis worker. */
export function getAnalysisClient(): AnalysisClient {
  client ??= new WorkerAnalysisClient();
  return client;
}

/** Tests choose the client (in jsdom, which has no Worker, the in-process one). */
export function setAnalysisClient(next: AnalysisClient | null): void {
  client = next;
}
