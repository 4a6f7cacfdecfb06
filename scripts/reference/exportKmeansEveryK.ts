import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  KMEANS_CASE_SOURCES,
  KMEANS_EVERY_K_MAX,
  kmeansCase,
  matrixFingerprint,
} from './kmeansEveryKCases';

/**
 * Writes the matrices our pipeline clusters for the k-means-at-every-k check (one little-endian
 * float64 file per case, row-major n x d) and a manifest, for
 * scripts/reference/sklearn_kmeans_every_k.py to cluster with scikit-learn:
 *
 *     npx tsx scripts/reference/exportKmeansEveryK.ts /tmp/kmeans-every-k
 *     /usr/bin/python3 scripts/reference/sklearn_kmeans_every_k.py /tmp/kmeans-every-k
 *
 * The matrices are generated again on demand and never committed.
 */
const out = process.argv[2] ?? '/tmp/kmeans-every-k';
await mkdir(out, { recursive: true });
const manifest = [];
for (const source of KMEANS_CASE_SOURCES) {
  const made = await kmeansCase(source);
  if (made === null) {
    console.warn(`${source.name}: the shared file is missing, skipped`);
    continue;
  }
  const file = `${made.name}.f64`;
  const { buffer, byteOffset, byteLength } = made.matrix;
  await writeFile(join(out, file), new Uint8Array(buffer, byteOffset, byteLength));
  manifest.push({
    name: made.name,
    file,
    n: made.n,
    d: made.d,
    nInit: made.nInit,
    kMax: KMEANS_EVERY_K_MAX,
    ...matrixFingerprint(made.matrix),
  });
  console.log(`${made.name}: ${made.n} x ${made.d}, ${made.nInit} starts`);
}
await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
