import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import { oleStreamNames } from '../../../src/core/read/oleDirectory';

/** An OLE2 compound file with the given streams, written by SheetJS's CFB writer. */
function compoundFile(streams: Record<string, number>): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, size] of Object.entries(streams)) {
    XLSX.CFB.utils.cfb_add(container, `/${name}`, new Uint8Array(size).fill(7));
  }
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

describe('oleStreamNames', () => {
  it('lists the streams of a compound file', async () => {
    const names = await oleStreamNames(
      bytesSource(compoundFile({ EncryptionInfo: 200, EncryptedPackage: 5000 })),
    );
    expect(names).toContain('EncryptionInfo');
    expect(names).toContain('EncryptedPackage');
  });

  it('finds the Workbook stream of an .xls written by SheetJS', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a'], [1]]), 'S');
    const bytes = new Uint8Array(
      XLSX.write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer,
    );
    expect(await oleStreamNames(bytesSource(bytes))).toContain('Workbook');
  });

  it('follows a directory spread over many sectors', async () => {
    const streams: Record<string, number> = {};
    for (let i = 0; i < 40; i++) streams[`Stream${i}`] = 5000;
    const names = await oleStreamNames(bytesSource(compoundFile(streams)));
    expect(names.filter((name) => name.startsWith('Stream'))).toHaveLength(40);
  });

  it('returns nothing for bytes that are not a compound file or are cut short', async () => {
    expect(await oleStreamNames(bytesSource(new TextEncoder().encode('a,b\n1,2\n')))).toEqual([]);
    const cut = compoundFile({ Workbook: 3000 }).slice(0, 300);
    expect(await oleStreamNames(bytesSource(cut))).toEqual([]);
  });
});
