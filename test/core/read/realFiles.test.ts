import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import { segmentFile } from '../../support/segmentFile';
import { REFUSED } from '../../fixtures/files';

describe('files to refuse, each with one sentence that says what to do', () => {
  it.each(REFUSED.map((f) => [f.name, f] as const))('%s', async (_, fixture) => {
    const run = segmentFile(bytesSource(fixture.bytes), { analysis: { k: fixture.k ?? null } });
    await expect(run).rejects.toMatchObject({
      name: 'UserError',
      code: fixture.code,
      message: expect.stringMatching(fixture.message),
    });
    const message = (await run.catch((error: Error) => error.message)) as string;
    expect(message.split(/[.:!?] [A-Z]/)).toHaveLength(1);
  });
});
