import { prepareProfiles } from '../../src/core/profile/profileContext';
import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import {
  inlineExecutor,
  type ClusterData,
  type ClusterOutcome,
} from '../../src/core/cluster/clusterJob';
import { createRandom } from '../../src/core/common/random';
import { textSource } from '../../src/core/read/byteSource';
import { readCsv } from '../../src/core/read/readCsv';
import * as clusterApi from '../../src/pool/clusterApi';
import { createPoolExecutor } from '../../src/pool/clusterPool';
import { gaussian } from '../../scripts/generators/customers';

/** A helper worker for node: the real cluster API at the far end of a MessageChannel. */
class ChannelWorker extends EventTarget {
  terminated = false;
  messages = 0;
  readonly port: MessagePort;
  constructor(answer = true) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.addEventListener('message', (event) =>
      this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data })),
    );
    port1.start();
    if (answer) expose(clusterApi, port2 as unknown as Parameters<typeof expose>[1]);
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.messages++;
    if (!this.terminated) this.port.postMessage(message, (transfer ?? []) as never);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
}

async function clusterData(n: number): Promise<ClusterData> {
  const random = createRandom(2);
  const d = 6;
  const lines = ['a,b,c,e,f,g'];
  const matrix = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const shift = (i % 4) * 3;
    const row = Array.from({ length: d }, () => gaussian(random, shift, 1));
    matrix.set(row, i * d);
    lines.push(row.map((v) => v.toFixed(4)).join(','));
  }
  const table = await readCsv(textSource(lines.join('\n')));
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  return {
    matrix,
    n,
    d,
    center: new Float64Array(d),
    scale: new Float64Array(d).fill(1),
    transforms: new Array(d).fill('none'),
    profile: prepareProfiles({ table, rows, numeric: ['a', 'b', 'c'], categorical: [] }),
    basis: null,
  };
}

const settings = { nInit: 2, maxIter: 300, seed: 0, localSearch: true };
const ks = [6, 5, 4, 3, 2, 1];

async function collect(
  executor: { run: typeof inlineExecutor.run },
  data: ClusterData,
): Promise<Map<number, ClusterOutcome>> {
  const outcomes = new Map<number, ClusterOutcome>();
  await executor.run(data, ks, settings, (outcome) => outcomes.set(outcome.k, outcome));
  return outcomes;
}

describe('createPoolExecutor', () => {
  it('gives exactly what one thread gives, whoever runs each k', async () => {
    const data = await clusterData(80_000);
    const workers: ChannelWorker[] = [];
    const pooled = await collect(
      createPoolExecutor(
        2,
        () => (workers.push(new ChannelWorker()), workers.at(-1) as unknown as Worker),
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
        () => (workers.push(new ChannelWorker()), workers.at(-1) as unknown as Worker),
      ),
      data,
    );
    expect(again.get(4)?.inertia).toBe(inline.get(4)?.inertia);
  });

  it('finishes the work itself when a helper fails', async () => {
    const data = await clusterData(80_000);
    let made = 0;
    const pooled = await collect(
      createPoolExecutor(1, () => {
        made++;
        const broken = new ChannelWorker(false);
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
    const workers: ChannelWorker[] = [];
    await collect(
      createPoolExecutor(
        3,
        () => (workers.push(new ChannelWorker()), workers.at(-1) as unknown as Worker),
      ),
      data,
    );
    expect(workers).toHaveLength(3);
    expect(workers.every((w) => w.messages === 0)).toBe(true);
  });

  it('runs the work meant for this thread once, before its own jobs', async () => {
    const data = await clusterData(80_000);
    const order: string[] = [];
    await createPoolExecutor(1, () => new ChannelWorker() as unknown as Worker).run(
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
