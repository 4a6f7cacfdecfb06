import { createRandom } from '../../src/core/common/random';

/**
 * A seeded look-alike of the UCI bank marketing file: `pdays` (days since the last contact) is the
 * code 999 ("never contacted") for about 96% of the customers and a real 0-27 for the rest;
 * `duration` (seconds of the last call) is never negative and skewed (mean about 260, a few calls
 * near 5,000); `client` an identifier (so no row repeats another); `campaign` (contacts in this campaign) 1 to about 40; `age` 18-95.
 */
export function bankMarketingCsv(rows: number, seed = 7): string {
  const random = createRandom(seed);
  const lines = ['client,age,duration,campaign,pdays,previous'];
  for (let i = 0; i < rows; i++) {
    const age = 18 + (Math.floor(-Math.log(1 - random.next()) * 12 + random.int(30)) % 78);
    const duration = Math.round(-Math.log(1 - random.next()) * 260);
    const campaign = 1 + Math.floor(-Math.log(1 - random.next()) * 1.6);
    const contacted = random.next() < 0.04;
    const pdays = contacted ? random.int(28) : 999;
    const previous = contacted ? 1 + random.int(4) : random.next() < 0.1 ? 1 : 0;
    lines.push([`K${100001 + i}`, age, duration, campaign, pdays, previous].join(','));
  }
  return lines.join('\n') + '\n';
}
