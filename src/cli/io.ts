/** Where a command writes: the process's streams, or a test's buffers. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}
