import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import { isUserError } from '../../../src/core/common/userError';
import { entryText, inflateEntry } from '../../../src/core/read/zipArchive';
import { findEntry, openZip } from '../../../src/core/read/zipDirectory';
import { writeZip } from '../../../scripts/generators/workbooks';

const zip = (files: Record<string, string>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    level,
  });

describe('inflateEntry and entryText', () => {
  it('expands stored and deflated entries, including streamed ones (data descriptors)', async () => {
    const text = 'naïve 客户 '.repeat(50_000);
    for (const bytes of [
      zip({ f: text }, 0),
      zip({ f: text }, 6),
      writeZip({ m: 'x', f: text }, 'm'),
    ]) {
      const archive = (await openZip(bytesSource(bytes)))!;
      expect(await entryText(archive, findEntry(archive, 'f')!, 10 << 20)).toBe(text);
    }
  });

  it('stops with a sentence once more bytes come out than allowed, whatever the archive declares', async () => {
    const bytes = zip({ 'xl/worksheets/sheet1.xml': '0'.repeat(200_000) });
    const archive = (await openZip(bytesSource(bytes)))!;
    const entry = findEntry(archive, 'xl/worksheets/sheet1.xml')!;
    // A zip bomb declares a small size: pretend it did.
    entry.size = 10;
    const error = await inflateEntry(archive, entry, 50_000, () => {}).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^This workbook is too large: this sheet would take more than 48\.8 KB once expanded/,
    );
  });

  it('reports progress through the compressed bytes and ends at 1', async () => {
    const archive = (await openZip(bytesSource(zip({ f: 'abc'.repeat(10) }))))!;
    const seen: number[] = [];
    await inflateEntry(
      archive,
      findEntry(archive, 'f')!,
      1000,
      () => {},
      (f) => seen.push(f),
    );
    expect(seen.at(-1)).toBe(1);
  });

  it('refuses damaged data and encrypted entries in a sentence', async () => {
    const bytes = zip({ f: 'abcdefgh'.repeat(1000) });
    const archive = (await openZip(bytesSource(bytes)))!;
    const entry = findEntry(archive, 'f')!;
    const damaged = bytes.slice();
    damaged[entry.localHeaderOffset] = 0; // no local header where the directory points
    const broken = (await openZip(bytesSource(damaged)))!;
    const error = await entryText(broken, findEntry(broken, 'f')!, 1 << 20).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/damaged/);
    const unknownMethod = { ...entry, method: 14 };
    const lzma = await entryText(archive, unknownMethod, 1 << 20).catch((e: unknown) => e);
    expect((lzma as Error).message).toMatch(/zip method 14/);
    const locked = { ...entry, encrypted: true };
    const refused = await entryText(archive, locked, 1 << 20).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/password-protected/);
  });
});
