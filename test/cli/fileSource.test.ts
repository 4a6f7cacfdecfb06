import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSource } from '../../src/cli/fileSource';
import { isUserError } from '../../src/core/common/userError';
import { readCsv } from '../../src/core/read/readCsv';
import { rowSourceText } from '../../src/core/read/table';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileWith(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'segmentlens-source-'));
  folders.push(folder);
  const path = join(folder, 'customers.csv');
  writeFileSync(path, text);
  return path;
}

describe('fileSource', () => {
  it('reads records again from the file after its handle closed, the table holding no text', async () => {
    const path = fileWith('name,spend\r\nZoë,5\r\nAli,"6\r\n7"\r\n');
    const { source, close } = await fileSource(path);
    const table = await readCsv(source);
    await close();
    expect(table.rowText.chunks).toEqual([null]);
    expect([0, 1].map((row) => rowSourceText(table.rowText, row))).toEqual(['Zoë,5', 'Ali,"6\n7"']);
  });

  it('refuses to read a file that changed or went away since, in one sentence', async () => {
    const path = fileWith('a,b\n1,2\n3,4\n');
    const { source, close } = await fileSource(path);
    await readCsv(source);
    await close();
    writeFileSync(path, 'a,b\n1,2\n3,4\n5,6\n');
    expect(() => source.readSync!(0, 4)).toThrow(expect.objectContaining({ code: 'file-changed' }));
    rmSync(path);
    let caught: unknown;
    try {
      source.readSync!(0, 4);
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught) && caught.code).toBe('file-changed');
  });
});
