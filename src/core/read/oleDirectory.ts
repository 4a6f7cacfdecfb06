import type { ByteSource } from './byteSource';

/** The signature of an OLE2 compound file (old Office documents, encrypted new ones). */
export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
/** A directory longer than this is a loop in a damaged file, not a real document. */
const MAX_DIRECTORY_SECTORS = 4096;
/** Enough allocation table for files of tens of gigabytes; more is a loop in a hostile file. */
const MAX_DIFAT_SECTORS = 10_000;

/**
 * The names of the streams and storages in an OLE2 compound file, read from its directory
 * (following the sector chain through the allocation table, loaded only where needed). Tells a
 * `.xls` workbook (a `Workbook` or `Book` stream) from a password-protected `.xlsx`
 * (`EncryptionInfo` and `EncryptedPackage`) or a Word document. Empty when the file is damaged.
 */
export async function oleStreamNames(source: ByteSource): Promise<string[]> {
  const header = await source.read(0, 512);
  if (header.length < 512 || !OLE2_SIGNATURE.every((b, i) => header[i] === b)) return [];
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const readSector = async (sector: number) => {
    const bytes = await source.read(sectorOffset(sector), sectorOffset(sector) + sectorSize);
    return bytes.length === sectorSize
      ? new DataView(bytes.buffer, bytes.byteOffset, sectorSize)
      : null;
  };

  // Where each FAT sector is: the first 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++)
    fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  const difatCount = view.getUint32(0x48, true);
  let difatRead = 0;
  const fatCache = new Map<number, DataView | null>();
  const nextSector = async (sector: number): Promise<number> => {
    const index = Math.floor(sector / perSector);
    while (
      index >= fatSectors.length &&
      difat < END_OF_CHAIN &&
      difatRead < Math.min(difatCount, MAX_DIFAT_SECTORS)
    ) {
      const block = await readSector(difat);
      if (block === null) return END_OF_CHAIN;
      for (let i = 0; i < perSector - 1; i++) fatSectors.push(block.getUint32(i * 4, true));
      difat = block.getUint32((perSector - 1) * 4, true);
      difatRead++;
    }
    if (index >= fatSectors.length) return END_OF_CHAIN;
    let fat = fatCache.get(index);
    if (fat === undefined) {
      fat = fatSectors[index] >= END_OF_CHAIN ? null : await readSector(fatSectors[index]);
      fatCache.set(index, fat);
    }
    return fat === null ? END_OF_CHAIN : fat.getUint32((sector % perSector) * 4, true);
  };

  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  for (let visited = 0; sector < END_OF_CHAIN && visited < MAX_DIRECTORY_SECTORS; visited++) {
    const block = await readSector(sector);
    if (block === null) break;
    for (let entry = 0; entry < sectorSize; entry += 128) {
      const nameBytes = block.getUint16(entry + 0x40, true);
      const type = block.getUint8(entry + 0x42);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = '';
      for (let c = 0; c < nameBytes / 2 - 1; c++)
        name += String.fromCharCode(block.getUint16(entry + c * 2, true));
      names.push(name);
    }
    sector = await nextSector(sector);
  }
  return names;
}
