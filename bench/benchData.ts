import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNumericCsv } from '../scripts/generators/customers';

/** Where generated benchmark files live (they are large and reproducible: never committed). */
export const BENCH_DIR = process.env.SEGMENTLENS_BENCH_DIR ?? join(tmpdir(), 'segmentlens-bench');

/** A seeded file of `rows` x 8 numeric features (about 93 MB at a million rows), made once and reused. */
export async function benchFile(rows: number): Promise<{ path: string; bytes: number }> {
  await mkdir(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `numeric-${rows}x8.csv`);
  if (!existsSync(path)) {
    const partial = `${path}.partial`;
    const out = createWriteStream(partial);
    for (const chunk of generateNumericCsv(rows, 8, 6, 7)) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(partial, path);
  }
  return { path, bytes: (await stat(path)).size };
}
