import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** ../shared beside the repository (or SEGMENTLENS_SHARED): public datasets and scikit-learn's figures. */
export const SHARED = resolve(
  process.env.SEGMENTLENS_SHARED ?? join(import.meta.dirname, '../../../shared'),
);

export function requireShared(): void {
  if (!existsSync(join(SHARED, 'reference'))) {
    throw new Error(
      `The reference check needs the shared data at ${SHARED} (set SEGMENTLENS_SHARED to its folder).`,
    );
  }
}

export async function readShared(...parts: string[]): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(SHARED, ...parts)));
}

export async function readReference<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(SHARED, 'reference', name), 'utf8')) as T;
}
