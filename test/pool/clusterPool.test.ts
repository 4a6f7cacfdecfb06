import { describe, expect, it } from 'vitest';
import {
  inlineExecutor,
  type ClusterData,
  type ClusterOutcome,
} from '../../src/core/cluster/clusterJob';
import * as clusterApi from '../../src/pool/clusterApi';
import { createPoolExecutor, POOL_MIN_CELLS } from '../../src/pool/clusterPool';
import { ChannelWorker } from '../support/channelWorker';
import { profiledClusterData } from '../support/clusterData';
import { isShared } from '../../src/core/common/sharedArrays';

const clusterData = (n: number) => profiledClusterData(n, 6, 2, 3);

const settings = { nInit: 2, maxIter: 300, seed: 0, localSearch: true };
const ks = [6, 5, 4, 3, 2, 1];

async function collect(
  executor: { run: typeof inlineExecutor.run },
  data: ClusterData,
  onOutcome: (outcome: ClusterOutcome) => void = () => {},
): Promise<Map<number, ClusterOutcome>> {
  const outcomes = new Map<number, ClusterOutcome>();
  await executor.run(data, ks, settings, (outcome) => {
    outcomes.set(outcome.k, outcome);
    onOutcome(outcome);
  });
  return outcomes;
}

describe('createPoolExecutor', () => {
  it('gives exactly what one thread gives, whoever runs each k', async () => {
    const data = await clusterData(80_000);
    const workers: ChannelWorker[] = [];
    const pooled = await collect(
      createPoolExecutor(
        2,
        () => (
          workers.push(new ChannelWorker(clusterApi.helperApi)),
          workers.at(-1) as unknown as Worker
        ),
      ),
      data,
    );
    const inline = await collect(inlineExecutor, data);
    expect([...pooled.keys()].sort()).toEqual(ks.slice().sort());
    for (const k of ks) {
      expect(pooled.get(k)?.inertia).toBe(inline.get(k)?.inertia);
      expect(Array.from(pooled.get(k)?.labels ?? [])).toEqual(
        Array.from(inline.get(k)?.labels ?? []),
      );
    }
    // The helpers (started with the pool) did get work, and stay for the next analysis.
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.messages > 1)).toBe(true);
    const again = await collect(
      createPoolExecutor(
        2,
        () => (
          workers.push(new ChannelWorker(clusterApi.helperApi)),
          workers.at(-1) as unknown as Worker
        ),
      ),
      data,
    );
    expect(again.get(4)?.inertia).toBe(inline.get(4)?.inertia);
  });

  it('sends a shared matrix as it is: the helpers read the one copy, with the same results', async () => {
    const plain = await clusterData(80_000);
    const matrix = new Float64Array(new SharedArrayBuffer(plain.matrix.byteLength));
    matrix.set(plain.matrix);
    const data = { ...plain, matrix };
    const { copy, buffers } = clusterApi.copyForTransfer(data);
    expect(copy.matrix).toBe(matrix);
    expect(buffers).not.toContain(matrix.buffer);
    // A plain matrix is still copied, and its copy transferred.
    const plainCopy = clusterApi.copyForTransfer(plain);
    expect(plainCopy.copy.matrix).not.toBe(plain.matrix);
    expect(plainCopy.buffers).toContain(plainCopy.copy.matrix.buffer);

    const pooled = await collect(
      createPoolExecutor(1, () => new ChannelWorker(clusterApi.helperApi) as unknown as Worker),
      data,
    );
    const inline = await collect(inlineExecutor, plain);
    for (const k of ks) expect(pooled.get(k)?.inertia).toBe(inline.get(k)?.inertia);
  });

  it("sends the profiles' shared columns as they are, with the same profiles", async () => {
    const data = await clusterData(20_000);
    expect(data.profile.numeric.every((f) => isShared(f.values))).toBe(true);
    const { copy, buffers } = clusterApi.copyForTransfer(data);
    copy.profile.numeric.forEach((f, i) => {
      expect(f.values).toBe(data.profile.numeric[i].values);
      expect(buffers).not.toContain(f.values.buffer);
    });
    // Columns on plain memory (a page that is not isolated) go as single-precision copies.
    const plain = {
      ...data,
      profile: {
        ...data.profile,
        numeric: data.profile.numeric.map((f) => ({ ...f, values: Float64Array.from(f.values) })),
      },
    };
    const plainCopy = clusterApi.copyForTransfer(plain);
    expect(plainCopy.copy.profile.numeric[0].values).toBeInstanceOf(Float32Array);
    expect(plainCopy.buffers).toContain(plainCopy.copy.profile.numeric[0].values.buffer);

    const pooled = await collect(
      createPoolExecutor(1, () => new ChannelWorker(clusterApi.helperApi) as unknown as Worker),
      data,
    );
    const inline = await collect(inlineExecutor, data);
    for (const k of ks) expect(pooled.get(k)?.profiles).toEqual(inline.get(k)?.profiles);
  });

  it('finishes the work itself when a helper fails', async () => {
    const data = await clusterData(80_000);
    let made = 0;
    const pooled = await collect(
      createPoolExecutor(1, () => {
        made++;
        const broken = new ChannelWorker(null);
        setTimeout(
          () =>
            broken.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' })),
          20,
        );
        return broken as unknown as Worker;
      }),
      data,
    );
    expect(made).toBe(1);
    expect([...pooled.keys()].sort()).toEqual(ks.slice().sort());
  });

  it('stays on this thread for small data', async () => {
    const data = await clusterData(500);
    expect(data.n * data.d).toBeLessThan(POOL_MIN_CELLS);
    const workers: ChannelWorker[] = [];
    const outcomes = await collect(
      createPoolExecutor(
        3,
        () => (
          workers.push(new ChannelWorker(clusterApi.helperApi)),
          workers.at(-1) as unknown as Worker
        ),
      ),
      data,
    );
    expect(workers).toHaveLength(3);
    // Each was only asked whether it is up: no data, no job.
    expect(workers.map((w) => w.calls)).toEqual([['ready'], ['ready'], ['ready']]);
    expect(outcomes.size).toBe(ks.length);
  });

  it('gives no job to a helper that is not up, and needs no answer from it', async () => {
    const data = await clusterData(10_000);
    expect(data.n * data.d).toBeGreaterThanOrEqual(POOL_MIN_CELLS);
    const never = new Promise<void>(() => {});
    const starting = new ChannelWorker({ ...clusterApi.helperApi, ready: () => never });
    const pooled = await collect(
      createPoolExecutor(1, () => starting as unknown as Worker),
      data,
    );
    const inline = await collect(inlineExecutor, data);
    expect(starting.calls).toEqual(['ready']);
    for (const k of ks) expect(pooled.get(k)?.inertia).toBe(inline.get(k)?.inertia);
  });

  it('leaves the largest jobs to a helper that comes up during the elbow', async () => {
    const data = await clusterData(10_000);
    let up = () => {};
    const started = new Promise<void>((resolve) => (up = resolve));
    const late = new ChannelWorker({ ...clusterApi.helperApi, ready: () => started });
    const local: number[] = [];
    const pooled = await collect(
      createPoolExecutor(1, () => late as unknown as Worker),
      data,
      (outcome) => {
        if (!late.jobs.includes(outcome.k)) local.push(outcome.k);
        // Up once this thread has finished its first job, the smallest k.
        if (local.length === 1) up();
      },
    );
    const inline = await collect(inlineExecutor, data);
    expect(local[0]).toBe(Math.min(...ks));
    expect(late.calls[0]).toBe('ready');
    expect(late.calls).toContain('setData');
    expect(late.jobs[0]).toBe(Math.max(...ks));
    for (const k of ks) expect(pooled.get(k)?.inertia).toBe(inline.get(k)?.inertia);
  });

  it('runs the work meant for this thread once, before its own jobs', async () => {
    const data = await clusterData(80_000);
    const order: string[] = [];
    await createPoolExecutor(
      1,
      () => new ChannelWorker(clusterApi.helperApi) as unknown as Worker,
    ).run(
      data,
      [3, 2, 1],
      settings,
      (outcome) => order.push(`k${outcome.k}`),
      undefined,
      () => order.push('before'),
    );
    expect(order.filter((o) => o === 'before')).toHaveLength(1);
    expect(order.sort()).toEqual(['before', 'k1', 'k2', 'k3']);
  });
});
