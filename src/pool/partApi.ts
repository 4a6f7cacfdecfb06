import { transfer } from 'comlink';
import type { ByteSource } from '../core/read/byteSource';
import { isShared } from '../core/common/sharedArrays';
import { readCsvPart, type PartRequest } from '../core/read/readParts';
import type { TablePart } from '../core/read/tableBuilder';

/** A file opened by a helper, read by ranges, closed once its part is read. */
export interface OpenedFile {
  source: ByteSource;
  close(): Promise<void>;
}

/**
 * What a helper adds to helperApi to read the later parts of CSV files (readCsvPart) for the
 * pool's `parts`: the command line's threads, which open the file again by its path. The page's
 * helpers do not: there, reading in two workers saved about 0.3 s on Online Retail, but the
 * second half's arrays stood twice until they were merged, 25 to 40 MB more at a million rows,
 * past the page's memory bound.
 */
export function partHelperApi(open: (path: string) => Promise<OpenedFile>) {
  return {
    async readPart(path: string, request: PartRequest): Promise<TablePart> {
      const { source, close } = await open(path);
      try {
        const part = await readCsvPart(source, request);
        return transfer(part, partBuffers(part));
      } finally {
        await close();
      }
    },
  };
}

export type PartHelperApi = ReturnType<typeof partHelperApi>;

/** The buffers of a part, to transfer rather than copy (shared ones are shared anyway). */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const arrays = [
    part.status,
    part.start,
    part.end,
    part.line,
    ...part.columns.flatMap((column) =>
      column.codes === null ? [column.numbers] : [column.numbers, column.codes],
    ),
  ];
  // A view of part of a buffer goes with its whole buffer, once.
  return [
    ...new Set(arrays.filter((array) => !isShared(array)).map((array) => array.buffer)),
  ] as ArrayBuffer[];
}
