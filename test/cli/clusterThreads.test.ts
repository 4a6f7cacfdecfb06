import { describe, expect, it } from 'vitest';
import {
  inlineExecutor,
  type ClusterData,
  type ClusterExecutor,
  type ClusterOutcome,
} from '../../src/core/cluster/clusterJob';
import { threadExecutor } from '../../src/cli/clusterThreads';
import { POOL_MIN_CELLS } from '../../src/pool/clusterPool';
import { profiledClusterData } from '../support/clusterData';

const clusterData = (n: number) => profiledClusterData(n, 4, 3, 2);

const settings = { nInit: 2, maxIter: 300, seed: 0, localSearch: true };
const ks = [5, 4, 3, 2, 1];

async function collect(executor: ClusterExecutor, data: ClusterData) {
  const outcomes = new Map<number, ClusterOutcome>();
  await executor.run(data, ks, settings, (outcome) => outcomes.set(outcome.k, outcome));
  return outcomes;
}

describe('threadExecutor', () => {
  it('runs an elbow on helper threads and gives exactly what one thread gives', async () => {
    const data = await clusterData(20_000);
    const executor = threadExecutor(1);
    expect(executor.threads).toBe(0);
    // The first elbow starts the thread; it joins when it is up.
    const first = await collect(executor, data);
    expect(executor.threads).toBe(1);
    await executor.up();
    const threaded = await collect(executor, data);
    const inline = await collect(inlineExecutor, data);
    expect(executor.threads).toBe(1);
    expect(executor.helperJobs).toBeGreaterThan(0);
    for (const k of ks) expect(first.get(k)?.inertia).toBe(inline.get(k)?.inertia);
    expect([...threaded.keys()].sort()).toEqual([...ks].sort());
    for (const k of ks) {
      expect(threaded.get(k)?.inertia).toBe(inline.get(k)?.inertia);
      expect(Array.from(threaded.get(k)?.labels ?? [])).toEqual(
        Array.from(inline.get(k)?.labels ?? []),
      );
      expect(threaded.get(k)?.profiles.segments.map((s) => s.size)).toEqual(
        inline.get(k)?.profiles.segments.map((s) => s.size),
      );
    }
    // The same threads serve the next elbow.
    const again = await collect(executor, data);
    expect(executor.threads).toBe(1);
    expect(again.get(5)?.inertia).toBe(inline.get(5)?.inertia);
  }, 120_000);

  it('starts no thread for a small file, where the elbow is spread over no helper', async () => {
    // 2,000 x 4 = 8,000 cells, under POOL_MIN_CELLS.
    const data = await clusterData(2_000);
    expect(data.n * data.d).toBeLessThan(POOL_MIN_CELLS);
    const executor = threadExecutor(1);
    const outcomes = await collect(executor, data);
    expect(executor.threads).toBe(0);
    expect(executor.helperJobs).toBe(0);
    expect(outcomes.size).toBe(ks.length);
  });

  it('spreads even a small elbow once its threads were started ahead', async () => {
    const data = await clusterData(2_000);
    expect(data.n * data.d).toBeLessThan(POOL_MIN_CELLS);
    const executor = threadExecutor(1);
    executor.start();
    expect(executor.threads).toBe(1);
    await executor.up();
    const spread = await collect(executor, data);
    const inline = await collect(inlineExecutor, data);
    expect(executor.helperJobs).toBeGreaterThan(0);
    for (const k of ks) {
      expect(spread.get(k)?.inertia).toBe(inline.get(k)?.inertia);
      expect(Array.from(spread.get(k)?.labels ?? [])).toEqual(
        Array.from(inline.get(k)?.labels ?? []),
      );
    }
  }, 120_000);

  it('finishes on this thread when a helper thread ends on its own', async () => {
    const data = await clusterData(20_000);
    const failing = new URL('../support/failingThread.mjs', import.meta.url);
    const executor = threadExecutor(1, () => ({ entry: failing }));
    const outcomes = await collect(executor, data);
    const inline = await collect(inlineExecutor, data);
    expect(executor.threads).toBe(1);
    for (const k of ks) expect(outcomes.get(k)?.inertia).toBe(inline.get(k)?.inertia);
  }, 120_000);

  it('finishes on this thread when the thread script cannot be made', async () => {
    const data = await clusterData(2_000);
    const executor = threadExecutor(1, () => Promise.reject(new Error('no script')));
    executor.start();
    await executor.up();
    const outcomes = await collect(executor, data);
    const inline = await collect(inlineExecutor, data);
    expect(executor.helperJobs).toBe(0);
    for (const k of ks) expect(outcomes.get(k)?.inertia).toBe(inline.get(k)?.inertia);
  });
});
