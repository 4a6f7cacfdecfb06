import fc from 'fast-check';
import { describe, it } from 'vitest';
import { pipelineProperty } from '../../support/pipelineFuzz';

// A bounded run in every `npm test`; `npm run fuzz` runs 10,000 cases (see scripts/fuzz.ts).
describe('the whole pipeline on hostile tables (#20)', () => {
  it('refuses in one sentence or accounts for every row and exports nothing a spreadsheet runs', async () => {
    await fc.assert(pipelineProperty, { numRuns: 60, seed: 20 });
  }, 300_000);
});
