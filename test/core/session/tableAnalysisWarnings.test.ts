import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/common/random';
import { textSource } from '../../../src/core/read/byteSource';
import { AnalysisSession } from '../../../src/core/session/session';
import { gaussian } from '../../../scripts/generators/customers';
import { quickOptions } from '../../support/sessionData';
import type { AnalysisOptions } from '../../../src/core/analysis/analysisOptions';

/** Seeded rows of `columns` numbers, each row drawn by `cells`. */
function csv(rows: number, columns: number, cells: (random: () => number) => number[]): string {
  const random = createRandom(61);
  const lines = [Array.from({ length: columns }, (_, j) => `x${j + 1}`).join(',')];
  for (let i = 0; i < rows; i++) lines.push(cells(() => random.next()).join(','));
  return lines.join('\n') + '\n';
}

/** No structure: independent uniform columns (the shape of #18.10's weak files). */
const uniform = csv(800, 6, (next) => Array.from({ length: 6 }, () => +(next() * 100).toFixed(3)));

/**
 * Ten tight, evenly spaced blobs on a diagonal line: the silhouette rises to k = 10 and the elbow bends
 * early, so the recommendation is the largest k of the default range.
 */
const tenBlobs = (() => {
  const random = createRandom(62);
  return csv(600, 2, () => {
    const blob = random.int(10);
    return [0, 1].map(() => +gaussian(random, blob * 20, 0.5).toFixed(3));
  });
})();

/**
 * Sixty tight groups of ten rows over a uniform background: the k-distance knee suggests an eps
 * that finds every little group, far too many segments to act on (#18.10 saw 56).
 */
const specks = (() => {
  const random = createRandom(63);
  const lines = ['a,b,c'];
  const corner = () => [0, 0, 0].map(() => random.next() * 100);
  for (const centre of Array.from({ length: 60 }, corner))
    for (let i = 0; i < 10; i++)
      lines.push(centre.map((mean) => (mean + random.next() - 0.5).toFixed(3)).join(','));
  for (let i = 0; i < 400; i++)
    lines.push(
      corner()
        .map((x) => x.toFixed(3))
        .join(','),
    );
  return lines.join('\n') + '\n';
})();

async function analyse(text: string, options: Partial<AnalysisOptions>) {
  const session = await AnalysisSession.open(textSource(text), 'file.csv', {});
  const analysis = await session.segmentation({ options: quickOptions(options), rfm: null });
  const view = await session.segmentationView({ options: quickOptions(options), rfm: null });
  return { analysis, view };
}

describe('the segmentation warns when its answer is weak (#18.10)', () => {
  it('warns when every silhouette is weak', async () => {
    const { analysis, view } = await analyse(uniform, { nInit: 2, kMax: 10 });
    expect(analysis.clusterWarnings.map((w) => w.key)).toContain('warnWeakStructure');
    expect(view.clusterWarnings).toEqual(analysis.clusterWarnings);
  });

  it('warns when the recommended k is the top of the range', async () => {
    const { analysis } = await analyse(tenBlobs, { nInit: 2, kMax: 10 });
    expect(analysis.recommendation.k).toBe(10);
    expect(analysis.clusterWarnings.map((w) => w.key)).toEqual(['warnKAtTopOfRange']);
  });

  it('warns when hierarchical clustering recommends the top of the range', async () => {
    const { analysis } = await analyse(tenBlobs, { algorithm: 'hierarchical', kMax: 10 });
    expect(analysis.recommendation.k).toBe(10);
    expect(analysis.clusterWarnings.map((w) => w.key)).toEqual(['warnKAtTopOfRange']);
  });

  it('says when the suggested eps is poor, and what to change', async () => {
    const { analysis } = await analyse(specks, { algorithm: 'dbscan' });
    const density = analysis.density!;
    expect(density.clusters).toBeGreaterThan(20);
    expect(analysis.clusterWarnings.map((w) => w.key)).toEqual(['warnDbscanManySegments']);
    expect(analysis.clusterWarnings[0].params).toMatchObject({
      suggested: 'yes',
      eps: density.suggestedEps,
      clusters: density.clusters,
    });
    // The same eps typed is not called a suggestion.
    const typed = await analyse(specks, { algorithm: 'dbscan', eps: density.suggestedEps });
    expect(typed.analysis.clusterWarnings[0].params).toMatchObject({ suggested: 'no' });
  });

  it('says nothing when the structure is clear and inside the range', async () => {
    const { analysis } = await analyse(tenBlobs, { nInit: 2, kMax: 12 });
    expect(analysis.recommendation.k).toBeLessThan(12);
    expect(analysis.clusterWarnings).toEqual([]);
  });
});
