import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import * as analysisApi from '../../src/worker/analysisApi';
import {
  CancelledError,
  WorkerAnalysisClient,
  WorkerFailedError,
  type LoadRequest,
} from '../../src/worker/analysisClient';

/**
 * Workers for node: a real MessageChannel with the real analysis API exposed on the far end
 * (so every call crosses a structured-clone boundary as in the browser), or a worker that never
 * answers, to see what the client does when Comlink would hang.
 */
class ChannelWorker extends EventTarget {
  terminated = false;
  private readonly port: MessagePort;
  constructor(answer: boolean | object) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.addEventListener('message', (event) =>
      this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data })),
    );
    port1.start();
    if (answer)
      expose(
        answer === true ? analysisApi : answer,
        port2 as unknown as Parameters<typeof expose>[1],
      );
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    if (!this.terminated) this.port.postMessage(message, (transfer ?? []) as never);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
}

const request: LoadRequest = {
  file: new Blob([generateCustomersCsv({ rows: 300, seed: 3 })]),
  name: 'customers.csv',
  choice: {},
};

let made: ChannelWorker[] = [];
const factory = (answer: boolean) => () => {
  const worker = new ChannelWorker(answer);
  made.push(worker);
  return worker as unknown as Worker;
};

afterEach(() => {
  made.forEach((worker) => worker.terminate());
  made = [];
  vi.useRealTimers();
});

describe('WorkerAnalysisClient', () => {
  it('loads and analyses across the thread boundary, progress included', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const stages = new Set<string>();
    const loaded = await client.load(request, (stage) => stages.add(stage));
    expect(loaded.ok && loaded.value.rowCount).toBe(300);
    const analysed = await client.analyze(
      request,
      { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 2, kMax: 4 },
      (stage) => stages.add(stage),
    );
    expect(analysed.ok).toBe(true);
    if (!analysed.ok) return;
    expect(analysed.value.perK).toHaveLength(4);
    expect(analysed.value.perK[2].scatter.labels).toBeInstanceOf(Int32Array);
    // Progress travels on its own channel, so its last messages may land after the result.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...stages]).toEqual(expect.arrayContaining(['parse', 'infer', 'clean', 'cluster']));
    expect(made).toHaveLength(1);
  });

  it('returns problems the user can fix as values, message intact', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const outcome = await client.load({ ...request, file: new Blob(['']) });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'empty-file', message: expect.stringMatching(/This file is empty/) },
    });
  });

  it('rejects pending calls on cancel, and the next call starts a fresh worker that gets the file again', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    await client.load(request);
    const running = client.analyze(request, { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 10 });
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(made[0].terminated).toBe(true);
    const again = await client.analyze(request, { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 1, kMax: 3 });
    expect(again.ok).toBe(true);
    expect(made).toHaveLength(2);
  });

  it('rejects pending calls when the worker reports an error', async () => {
    const client = new WorkerAnalysisClient(factory(false));
    const pending = client.load(request);
    await Promise.resolve();
    made[0].dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    await expect(pending).rejects.toThrow(
      new WorkerFailedError(
        'The analysis stopped unexpectedly (out of memory): try again, or use the command line for very large files.',
      ),
    );
    expect(made[0].terminated).toBe(true);
  });

  it('rejects when the worker cannot be created or never starts', async () => {
    const broken = new WorkerAnalysisClient(() => {
      throw new Error('blocked by policy');
    });
    await expect(broken.load(request)).rejects.toThrow(
      /could not start in this browser \(blocked by policy\)/,
    );

    vi.useFakeTimers();
    const silent = new WorkerAnalysisClient(factory(false));
    const pending = silent.load(request);
    const assertion = expect(pending).rejects.toThrow(/did not start/);
    await vi.advanceTimersByTimeAsync(15_001);
    await assertion;
    expect(made[0].terminated).toBe(true);
  });

  it('ends a worker whose start fails, so the next call starts a fresh one', async () => {
    let first = true;
    const client = new WorkerAnalysisClient(() => {
      const api = first
        ? {
            ping: () => {
              throw new Error('the module failed to load');
            },
          }
        : true;
      first = false;
      const worker = new ChannelWorker(api);
      made.push(worker);
      return worker as unknown as Worker;
    });
    await expect(client.load(request)).rejects.toThrow(/did not start/);
    expect(made[0].terminated).toBe(true);
    const loaded = await client.load(request);
    expect(loaded.ok && loaded.value.rowCount).toBe(300);
    expect(made).toHaveLength(2);
  });

  it('prepares exports in a fresh worker after a cancel by loading and analysing again', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const options = { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 1, kMax: 3 };
    await client.load(request);
    await client.analyze(request, options);
    client.cancel();
    const file = await client.exportSegments(request, options, 3, null);
    expect(file.fileName).toBe('customers - all segments (k=3).csv');
    expect((await file.blob.text()).split('\r\n').length).toBeGreaterThan(250);
  });
});
