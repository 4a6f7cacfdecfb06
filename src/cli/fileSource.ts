import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
      // Opened again for each range: the session may outlive the handle above. A file that
      // changed since it was read is refused rather than read wrong.
      readSync(start, end) {
        let fd: number;
        try {
          fd = openSync(path, 'r');
        } catch {
          throw new UserError('file-changed', 'readFileChanged');
        }
        try {
          const now = fstatSync(fd);
          if (now.size !== stats.size || now.mtimeMs !== stats.mtimeMs || now.ino !== stats.ino)
            throw new UserError('file-changed', 'readFileChanged');
          const length = Math.max(0, Math.min(end, stats.size) - start);
          const buffer = new Uint8Array(length);
          let done = 0;
          while (done < length) {
            const read = readSync(fd, buffer, done, length - done, start + done);
            if (read === 0) break;
            done += read;
          }
          return buffer.subarray(0, done);
        } finally {
          closeSync(fd);
        }
      },
    },
    close: () => file.close(),
  };
}
