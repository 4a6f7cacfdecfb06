import { createRandom } from '../../src/core/common/random';

/**
 * Order lines (`order,date,customer,amount`) whose customers fall in eight clear groups: recent or
 * lapsed, one order or a dozen, small or large baskets. With the elbow cut at k = 3 the best k is
 * the top of the range, which the clustering warns about. Seeded: the same options, the same text.
 */
export function generateGroupedOrdersCsv(customersPerGroup: number, seed = 18): string {
  const random = createRandom(seed);
  const lines = ['order,date,customer,amount'];
  let order = 1000;
  let customer = 0;
  for (let group = 0; group < 8; group++) {
    const lastDay = group & 1 ? 20 : 330;
    const orders = group & 2 ? 12 : 1;
    const basket = group & 4 ? 900 : 15;
    for (let c = 0; c < customersPerGroup; c++, customer++)
      for (let o = 0; o < orders; o++) {
        const day = Math.max(1, lastDay - o * 2 - Math.floor(random.next() * 3));
        const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
        const amount = (basket * (0.9 + random.next() * 0.2)).toFixed(2);
        lines.push(`${order++},${date},cust${customer},${amount}`);
      }
  }
  return lines.join('\n') + '\n';
}
