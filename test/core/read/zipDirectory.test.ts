import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import {
  entryDataStart,
  findEntry,
  openZip,
  storedEntryText,
} from '../../../src/core/read/zipDirectory';
import { writeZip } from '../../../scripts/generators/workbooks';

const zip = (files: Record<string, string>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    level,
  });

describe('openZip', () => {
  it('lists the files of an archive with their sizes, without expanding them', async () => {
    const archive = await openZip(
      bytesSource(zip({ 'a.txt': 'hello', 'dir/b.xml': 'x'.repeat(1000) })),
    );
    expect(archive).not.toBeNull();
    expect([...archive!.entries.keys()]).toEqual(['a.txt', 'dir/b.xml']);
    const b = archive!.entries.get('dir/b.xml')!;
    expect(b.size).toBe(1000);
    expect(b.method).toBe(8);
    expect(b.compressedSize).toBeLessThan(100);
  });

  it('returns null for bytes that are not a zip archive', async () => {
    expect(await openZip(bytesSource(strToU8('just some text, no zip here')))).toBeNull();
    expect(await openZip(bytesSource(new Uint8Array(0)))).toBeNull();
  });

  it('finds entries ignoring case and a leading slash', async () => {
    const archive = (await openZip(bytesSource(zip({ 'XL/Workbook.xml': '<w/>' }))))!;
    expect(findEntry(archive, 'xl/workbook.xml')?.name).toBe('XL/Workbook.xml');
    expect(findEntry(archive, '/xl/workbook.xml')?.name).toBe('XL/Workbook.xml');
    expect(findEntry(archive, 'xl/styles.xml')).toBeNull();
  });

  it('reads a small stored entry without any decompression, and nothing else', async () => {
    const bytes = writeZip(
      { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'c.xml': '<c/>' },
      'mimetype',
    );
    const archive = (await openZip(bytesSource(bytes)))!;
    expect(await storedEntryText(archive, findEntry(archive, 'mimetype')!, 200)).toBe(
      'application/vnd.oasis.opendocument.spreadsheet',
    );
    expect(await storedEntryText(archive, findEntry(archive, 'c.xml')!, 200)).toBeNull();
    expect(await storedEntryText(archive, findEntry(archive, 'mimetype')!, 10)).toBeNull();
  });

  it('finds where the data of an entry starts, or says the archive is damaged', async () => {
    const bytes = zip({ f: 'abc' }, 0);
    const archive = (await openZip(bytesSource(bytes)))!;
    const entry = findEntry(archive, 'f')!;
    const start = await entryDataStart(archive, entry);
    expect(new TextDecoder().decode(bytes.subarray(start, start + 3))).toBe('abc');
    const damaged = bytes.slice();
    damaged[entry.localHeaderOffset] = 0;
    expect(await entryDataStart((await openZip(bytesSource(damaged)))!, entry)).toBe(-1);
  });
});
