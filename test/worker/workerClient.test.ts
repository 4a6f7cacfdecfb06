import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { message } from '../../src/core/common/message';
import { renderMessage } from '../../src/i18n/formatMessage';
import * as analysisApi from '../../src/worker/analysisApi';
import { fileRequest } from '../../src/worker/analysisClient';
import { CancelledError, WorkerFailedError } from '../../src/worker/clientErrors';
import { WorkerAnalysisClient } from '../../src/worker/workerClient';
import { ChannelWorker } from '../support/channelWorker';

const request = fileRequest(
  new Blob([generateCustomersCsv({ rows: 300, seed: 3 })]),
  'customers.csv',
  {},
);
const segmentsOf = (options: Partial<typeof DEFAULT_ANALYSIS_OPTIONS>) => ({
  options: { ...DEFAULT_ANALYSIS_OPTIONS, ...options },
  rfm: null,
});

let made: ChannelWorker[] = [];
const factory = (answer: boolean) => () => {
  // Every worker here shares the one module in this process: a fresh worker starts empty.
  void analysisApi.close();
  const worker = new ChannelWorker(answer ? analysisApi : null);
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
    const loaded = await client.open(request, (stage) => stages.add(stage));
    expect(loaded.ok && loaded.value.rowCount).toBe(300);
    const analysed = await client.segmentation(
      request,
      segmentsOf({ nInit: 2, kMax: 4 }),
      (stage) => stages.add(stage),
    );
    expect(analysed.ok).toBe(true);
    if (!analysed.ok) return;
    expect(analysed.value.perK).toHaveLength(4);
    expect(analysed.value.perK[2].scatter.labels).toBeInstanceOf(Int32Array);
    // Progress travels on its own channel, so its last messages may land after the result.
    await vi.waitFor(() =>
      expect([...stages]).toEqual(expect.arrayContaining(['parse', 'infer', 'clean', 'cluster'])),
    );
    expect(made).toHaveLength(1);
  });

  it('returns problems the user can fix as values, sentence intact', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const outcome = await client.open(fileRequest(new Blob(['']), 'empty.csv', {}));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'empty-file', sentence: message('readEmptyFile') },
    });
    // A sentence with values keeps them across the boundary.
    const bad = await client.segmentation(request, segmentsOf({ features: ['nope'] }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('bad-option');
    expect(bad.error.sentence.key).toBe('noColumn');
    expect(bad.error.sentence.params?.name).toBe('nope');
    expect(renderMessage('zh', bad.error.sentence)).toMatch(/^没有名为“nope”的列/);
  });

  it('rejects pending calls on cancel, and the next call starts a fresh worker that gets the file again', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    await client.open(request);
    const running = client.segmentation(request, segmentsOf({ nInit: 10 }));
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(made[0].terminated).toBe(true);
    const again = await client.segmentation(request, segmentsOf({ nInit: 1, kMax: 3 }));
    expect(again.ok).toBe(true);
    expect(made).toHaveLength(2);
  });

  it('rejects pending calls when the worker reports an error', async () => {
    const client = new WorkerAnalysisClient(factory(false));
    const pending = client.open(request);
    await Promise.resolve();
    made[0].dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    const failed = new WorkerFailedError(
      message('workerStoppedBecause', { detail: 'out of memory' }),
    );
    await expect(pending).rejects.toThrow(failed);
    await expect(pending).rejects.toMatchObject({
      name: 'WorkerFailedError',
      sentence: failed.sentence,
      message:
        'The analysis stopped unexpectedly (out of memory): try again, or use the command line for very large files.',
    });
    expect(made[0].terminated).toBe(true);
  });

  it('rejects when the worker cannot be created or never starts', async () => {
    const broken = new WorkerAnalysisClient(() => {
      throw new Error('blocked by policy');
    });
    await expect(broken.open(request)).rejects.toThrow(
      /could not start in this browser \(blocked by policy\)/,
    );
    await expect(broken.open(request)).rejects.toMatchObject({
      sentence: message('workerCannotStart', { detail: 'blocked by policy' }),
    });

    vi.useFakeTimers();
    const silent = new WorkerAnalysisClient(factory(false));
    const pending = silent.open(request);
    const assertion = expect(pending).rejects.toMatchObject({
      sentence: message('workerNotStarted'),
      message: expect.stringMatching(/did not start/),
    });
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
        : analysisApi;
      first = false;
      const worker = new ChannelWorker(api);
      made.push(worker);
      return worker as unknown as Worker;
    });
    await expect(client.open(request)).rejects.toThrow(/did not start/);
    expect(made[0].terminated).toBe(true);
    const loaded = await client.open(request);
    expect(loaded.ok && loaded.value.rowCount).toBe(300);
    expect(made).toHaveLength(2);
  });

  it('prepares exports in a fresh worker after a cancel, saying the file is read again', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const segments = segmentsOf({ nInit: 1, kMax: 3 });
    await client.open(request);
    await client.segmentation(request, segments);
    let reread = 0;
    const held = await client.exportSegments(request, segments, 3, null, 'en', () => reread++);
    // The worker holds the file and the analysis: nothing is read again.
    expect(reread).toBe(0);
    client.cancel();
    const file = await client.exportSegments(request, segments, 3, null, 'en', () => reread++);
    expect(reread).toBe(1);
    expect(made).toHaveLength(2);
    if (!held.ok || !file.ok) throw new Error('the exports failed');
    expect(file.value.fileName).toBe('customers - all segments (k=3).csv');
    expect(await file.value.blob.text()).toBe(await held.value.blob.text());
    expect((await file.value.blob.text()).split('\r\n').length).toBeGreaterThan(250);
  });

  it('prepares exports in the language asked for: labels, details and the file name', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const segments = segmentsOf({ nInit: 1, kMax: 3 });
    const english = await client.exportSegments(request, segments, 3, null, 'en');
    const chinese = await client.exportSegments(request, segments, 3, null, 'zh');
    if (!english.ok || !chinese.ok) throw new Error('the exports failed');
    expect(chinese.value.fileName).toBe(
      `customers - ${renderMessage('zh', message('exportAllSegments', { k: 3 }))}.csv`,
    );
    const [englishText, chineseText] = await Promise.all([
      english.value.blob.text(),
      chinese.value.blob.text(),
    ]);
    const lines = (text: string) => text.trimEnd().split('\r\n');
    expect(lines(chineseText)[0]).toBe(lines(englishText)[0]);
    expect(lines(chineseText)).toHaveLength(lines(englishText).length);
    expect(chineseText).not.toBe(englishText);
    expect(chineseText).toMatch(/[\u4e00-\u9fff]/);
    const report = await client.exportCleaningReport(request, segments, 'zh');
    expect(report.ok && report.value.fileName).toBe(
      `customers - ${renderMessage('zh', message('exportCleaningReport'))}.csv`,
    );
  });

  it('answers only about the file the worker holds', async () => {
    const client = new WorkerAnalysisClient(factory(true));
    const other = fileRequest(new Blob(['x,y\n1,2\n3,4\n5,9\n']), 'other.csv', {});
    await client.open(request);
    // Asking about another file opens it first; asking about the first again reopens that.
    const small = await client.segmentation(other, segmentsOf({ nInit: 1, kMax: 2 }));
    expect(small.ok && small.value.analysedRows).toBe(3);
    const large = await client.segmentation(request, segmentsOf({ nInit: 1, kMax: 2 }));
    expect(large.ok && large.value.analysedRows).toBeGreaterThan(250);
    expect(made).toHaveLength(1);
  });
});
