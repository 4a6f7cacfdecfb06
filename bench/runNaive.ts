import { readFile } from 'node:fs/promises';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import Papa from 'papaparse';

/**
 * The same pipeline built the obvious way on the libraries alone: PapaParse with dynamicTyping
 * into rows of objects, number[][] everywhere, ml-pca's SVD, ml-kmeans with its own k-means++
 * (best of nInit seeds), and an exact silhouette on a 5,000-row sample recomputed for every k.
 * Prints one JSON line. The yardstick our typed-array core is measured against.
 */
const [path, nInitArg] = process.argv.slice(2);
const nInit = Number(nInitArg ?? 3);
const times: Record<string, number> = {};
const start = performance.now();
let t = performance.now();
const text = await readFile(path, 'utf8');
const parsed = Papa.parse<Record<string, unknown>>(text, {
  header: true,
  dynamicTyping: true,
  skipEmptyLines: true,
});
times.parse = performance.now() - t;

t = performance.now();
const names = (parsed.meta.fields ?? []).filter(
  (name) => typeof parsed.data[0]?.[name] === 'number',
);
const seen = new Set<string>();
const rows: number[][] = [];
for (const record of parsed.data) {
  const row = names.map((name) => record[name]);
  if (row.some((v) => typeof v !== 'number' || Number.isNaN(v))) continue;
  const key = row.join(',');
  if (seen.has(key)) continue;
  seen.add(key);
  rows.push(row as number[]);
}
times.clean = performance.now() - t;

t = performance.now();
const d = names.length;
const mean = names.map((_, j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length);
const std = names.map((_, j) =>
  Math.sqrt(rows.reduce((sum, row) => sum + (row[j] - mean[j]) ** 2, 0) / rows.length),
);
const scaled = rows.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
times.scale = performance.now() - t;

t = performance.now();
const pca = new PCA(scaled);
pca.predict(scaled);
times.pca = performance.now() - t;

t = performance.now();
const inertia: Record<number, number> = {};
const labelsByK: Record<number, number[]> = {};
for (let k = 1; k <= 10; k++) {
  let best = Infinity;
  for (let seed = 0; seed < nInit; seed++) {
    const result = mlKmeans(scaled, k, { seed, initialization: 'kmeans++' });
    let total = 0;
    for (let i = 0; i < scaled.length; i++) {
      const centre = result.centroids[result.clusters[i]];
      for (let j = 0; j < d; j++) total += (scaled[i][j] - centre[j]) ** 2;
    }
    if (total < best) {
      best = total;
      labelsByK[k] = result.clusters;
    }
  }
  inertia[k] = best;
}
times.elbow = performance.now() - t;

t = performance.now();
const sample = Array.from({ length: Math.min(5000, scaled.length) }, (_, i) =>
  Math.floor((i * scaled.length) / Math.min(5000, scaled.length)),
);
for (let k = 2; k <= 10; k++) {
  const labels = sample.map((i) => labelsByK[k][i]);
  let total = 0;
  for (let a = 0; a < sample.length; a++) {
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let b = 0; b < sample.length; b++) {
      if (a === b) continue;
      let s = 0;
      for (let j = 0; j < d; j++) s += (scaled[sample[a]][j] - scaled[sample[b]][j]) ** 2;
      sums[labels[b]] += Math.sqrt(s);
      counts[labels[b]]++;
    }
    const own = labels[a];
    const inside = counts[own] > 0 ? sums[own] / counts[own] : 0;
    let nearest = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && counts[c] > 0) nearest = Math.min(nearest, sums[c] / counts[c]);
    total += counts[own] > 0 ? (nearest - inside) / Math.max(inside, nearest) : 0;
  }
  void total;
}
times.silhouette = performance.now() - t;
times.total = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    rows: scaled.length,
    times_ms: Object.fromEntries(
      Object.entries(times).map(([key, value]) => [key, Math.round(value)]),
    ),
    inertia,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
