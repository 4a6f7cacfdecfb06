import { createRandom } from '../../src/core/common/random';
import { textSource } from '../../src/core/read/byteSource';
import type { RfmSettings } from '../../src/core/rfm/rfm';
import { EMPTY_MAPPING } from '../../src/core/rfm/transactionMapping';
import { AnalysisSession } from '../../src/core/session/session';
import { DEFAULT_VALUE_REQUEST, type ValueRequest } from '../../src/core/session/valueStages';

/** Order lines as `customer,date,amount` with ISO dates: `[customer, 'YYYY-MM-DD', amount]`. */
export function ordersText(lines: readonly (readonly [string, string, number])[]): string {
  return ['customer,date,amount', ...lines.map((line) => line.join(','))].join('\n') + '\n';
}

export const AMOUNT_RFM: RfmSettings = {
  mapping: { ...EMPTY_MAPPING, customer: 'customer', date: 'date', amount: 'amount' },
  dateOrder: 'ymd',
  snapshot: null,
};

export function amountRequest(overrides: Partial<ValueRequest> = {}): ValueRequest {
  return { ...DEFAULT_VALUE_REQUEST, rfm: AMOUNT_RFM, ...overrides };
}

export function openText(text: string, fileName = 'orders.csv'): Promise<AnalysisSession> {
  return AnalysisSession.open(textSource(text), fileName, {});
}

/**
 * A year of orders whose spend per customer is heavy-tailed (Pareto, infinite mean): Gamma-Gamma
 * finds q below 1, so average spend and CLV have no finite value. Seeded.
 */
export function heavySpendText(seed = 1, customers = 150): string {
  const random = createRandom(seed);
  const lines: [string, string, number][] = [];
  for (let c = 0; c < customers; c++) {
    const spend = 10 / Math.pow(1 - random.next(), 1.6);
    const purchases = 1 + random.int(4);
    const days = new Set<number>();
    while (days.size < purchases) days.add(1 + random.int(300));
    for (const day of days) {
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      lines.push([`c${c}`, date, Number((spend * (0.5 + random.next())).toFixed(2))]);
    }
  }
  return ordersText(lines);
}
