import { open } from 'node:fs/promises';
import type { ByteSource } from '../core/read/byteSource';
import { UserError } from '../core/common/userError';

/** A file on disk read by ranges, so that a large file is never held in memory twice. */
export async function fileSource(
  path: string,
): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      'bad-option',
      code === 'ENOENT' ? 'cliNoSuchFile' : code === 'EISDIR' ? 'cliFolder' : 'cliCannotOpen',
      { path },
    );
  }
  const stats = await handle.stat();
  if (stats.isDirectory()) {
    await handle.close();
    throw new UserError('bad-option', 'cliFolder', { path });
  }
  const file = handle;
  return {
    source: {
      size: stats.size,
      async read(start, end) {
        const length = Math.max(0, Math.min(end, stats.size) - start);
        const buffer = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await file.read(buffer, done, length - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.subarray(0, done);
      },
    },
    close: () => file.close(),
  };
}
