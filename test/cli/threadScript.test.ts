import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledScript } from '../../src/cli/threadScript';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What a thread on `script` posts first. */
function firstMessage(script: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(script);
    thread.once('message', (message) => {
      void thread.terminate();
      resolve(message);
    });
    thread.once('error', reject);
  });
}

describe('bundledScript', () => {
  it('bundles a TypeScript entry once, and again when one of its files changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'segmentlens-bundle-'));
    folders.push(folder);
    const kept = join(folder, 'kept');
    const entry = join(folder, 'entry.ts');
    const dependency = join(folder, 'answer.ts');
    writeFileSync(
      entry,
      "import { parentPort } from 'node:worker_threads';\nimport { answer } from './answer';\n" +
        'parentPort?.postMessage(answer satisfies number);\n',
    );
    writeFileSync(dependency, 'export const answer: number = 41;\n');
    const first = await bundledScript(entry, kept);
    expect(first.protocol).toBe('file:');
    expect(await firstMessage(first)).toBe(41);
    const made = statSync(first).mtimeMs;
    // Unchanged files: the kept bundle, not a new one.
    const again = await bundledScript(entry, kept);
    expect(again.href).toBe(first.href);
    expect(statSync(again).mtimeMs).toBe(made);
    writeFileSync(dependency, 'export const answer: number = 42 + 0;\n');
    const changed = await bundledScript(entry, kept);
    expect(await firstMessage(changed)).toBe(42);
  });
});
