import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { segmentFile } from '../../support/segmentFile';
import { MAX_FILE_BYTES } from '../../../src/worker/protocol';
import { oversizedSource, READABLE, REFUSED } from '../../fixtures/files';

describe('files people really have', () => {
  it.each(READABLE.map((f) => [f.name, f] as const))('reads %s', async (_, fixture) => {
    const table = await readCsv(bytesSource(fixture.bytes));
    const { expect: wanted } = fixture;
    if (wanted.encoding) expect(table.encoding).toBe(wanted.encoding);
    if (wanted.delimiter) expect(table.dialect.delimiter).toBe(wanted.delimiter);
    if (wanted.decimal) expect(table.dialect.decimal).toBe(wanted.decimal);
    if (wanted.names) expect(table.columns.map((c) => c.name)).toEqual(wanted.names);
    if (wanted.spend) {
      const spend = table.columns.find((c) => /spend|消费/.test(c.name)) ?? table.columns[1];
      expect(Array.from(spend.numbers)).toEqual(wanted.spend);
    }
    expect(table.issues).toEqual([]);
  });

  it('keeps the unit of a currency column in its description', async () => {
    const table = await readCsv(
      bytesSource(READABLE.find((f) => f.name === 'currency-and-percent.csv')!.bytes),
    );
    expect(table.columns.map((c) => c.unit)).toEqual([null, '$', '%', '€']);
  });
});

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

  it('refuses a file larger than the page can hold, before reading it, and names the command line', async () => {
    await expect(
      readCsv(oversizedSource(MAX_FILE_BYTES), { maxBytes: MAX_FILE_BYTES }),
    ).rejects.toThrow(
      /more than the 400\.0 MB this page can hold: use the command line \(npx segmentlens analyze FILE\)/,
    );
  });
});
