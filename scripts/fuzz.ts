/**
 * The pipeline's fuzz run: hostile tables through read, clean, scale, PCA, k-means and export
 * (test/support/pipelineFuzz.ts), 10,000 cases by default. A failure prints its seed and path,
 * so that `npm run fuzz -- --seed S` repeats it exactly.
 *
 *   npm run fuzz                      10,000 cases from a new seed
 *   npm run fuzz -- --cases 500 --seed 42
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { pipelineProperty } from '../test/support/pipelineFuzz';

const { values } = parseArgs({
  options: { cases: { type: 'string' }, seed: { type: 'string' } },
});
const cases = Number(values.cases ?? 10_000);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
console.log(`Fuzzing the pipeline: ${cases} cases, seed ${seed}`);
const started = performance.now();
const outcome = await fc.check(pipelineProperty, { numRuns: cases, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (outcome.failed) {
  console.error(fc.defaultReportMessage(outcome));
  console.error(
    `Failed after ${outcome.numRuns} cases (${seconds} s). Repeat: npm run fuzz -- --seed ${seed}`,
  );
  process.exitCode = 1;
} else {
  console.log(`All ${outcome.numRuns} cases held (${seconds} s).`);
}
