import { textSource } from '../src/core/byteSource';
import { runPipeline } from '../src/core/runPipeline';
import { generateCustomersCsv } from '../scripts/generators/customers';
for (const rows of [3000, 10000, 50000]) {
  const csv = generateCustomersCsv({ rows, seed: 1 });
  for (const [nInit, localSearch] of [
    [10, true],
    [10, false],
    [3, true],
    [3, false],
  ] as const) {
    const t = performance.now();
    const stages: Record<string, number> = {};
    let last = t,
      lastStage = '';
    await runPipeline(textSource(csv), { analysis: { nInit, localSearch } }, (s) => {
      const now = performance.now();
      if (s !== lastStage) {
        if (lastStage) stages[lastStage] = (stages[lastStage] ?? 0) + now - last;
        last = now;
        lastStage = s;
      }
    });
    console.log(
      rows,
      nInit,
      localSearch,
      (performance.now() - t).toFixed(0),
      'ms',
      JSON.stringify(
        Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])),
      ),
    );
  }
}
