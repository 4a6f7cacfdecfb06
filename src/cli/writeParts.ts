import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportParts } from '../core/session/sessionExports';

/** Writes exports into a folder (made if needed), each under the name given. */
export async function writeExports(
  dir: string,
  files: readonly { name: string; parts: ExportParts['parts'] }[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.name), file.parts.join(''));
}
