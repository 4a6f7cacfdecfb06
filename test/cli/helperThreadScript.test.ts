import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { describe, expect, it } from 'vitest';
import { helperThreadScript, HELPER_THREAD_ENTRY } from '../../src/cli/helperThreadScript';
import type { helperApi } from '../../src/pool/clusterApi';

describe('helperThreadScript', () => {
  it('bundles the helper thread into one script, made once', async () => {
    const script = await helperThreadScript();
    expect('code' in script).toBe(true);
    // Made once: the next call has it at hand, without waiting.
    expect(helperThreadScript()).toBe(script);
  }, 60_000);

  it('gives a script a thread runs with no module hooks, answering as a helper', async () => {
    const script = await helperThreadScript();
    if (!('code' in script)) throw new Error('no bundle');
    const thread = new Worker(script.code, { eval: true });
    try {
      const helper = wrap<typeof helperApi>(nodeEndpoint(thread));
      const failed = new Promise<never>((_, reject) => thread.on('error', reject));
      await Promise.race([helper.ready(), failed]);
    } finally {
      await thread.terminate();
    }
  }, 60_000);

  it('names the module it loads through tsx when no bundle can be made', () => {
    expect(HELPER_THREAD_ENTRY.pathname.endsWith('/src/cli/clusterThread.mjs')).toBe(true);
  });
});
