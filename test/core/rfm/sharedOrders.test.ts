import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { selectOrderLines } from '../../../src/core/rfm/orderLines';
import { EMPTY_MAPPING } from '../../../src/core/rfm/transactionMapping';

// splitSharedOrders, through the order lines it numbers.
describe('order ids used by several customers or on several days', () => {
  it('splits shared order ids into (id, customer, day), numbered by first use', async () => {
    const line = fc.record({
      id: fc.integer({ min: 1, max: 4 }),
      customer: fc.constantFrom('a', 'b', 'c'),
      // Far apart on purpose: days before 1970, in 1970, 2024 and 9999.
      day: fc.constantFrom('1969-07-20', '1970-01-02', '2024-06-01', '2024-06-02', '9999-12-31'),
      hour: fc.integer({ min: 10, max: 23 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (rows) => {
        const csv = [
          'o,c,d,a',
          ...rows.map((r) => `${r.id},${r.customer},${r.day} ${r.hour}:00,1`),
        ];
        const lines = selectOrderLines(await readCsv(textSource(csv.join('\n'))), {
          mapping: { ...EMPTY_MAPPING, customer: 'c', date: 'd', order: 'o', amount: 'a' },
          dateOrder: null,
        });
        // The rule, spelt out with text keys.
        const owners = new Map<number, Set<string>>();
        for (const r of rows)
          owners.set(r.id, (owners.get(r.id) ?? new Set()).add(`${r.customer} ${r.day}`));
        const labels: string[] = [];
        const expected = rows.map((r) => {
          const label =
            owners.get(r.id)!.size === 1 ? String(r.id) : `${r.id} ${r.customer} ${r.day}`;
          if (!labels.includes(label)) labels.push(label);
          return labels.indexOf(label);
        });
        expect(lines.orders).toEqual(labels);
        expect(Array.from(lines.order)).toEqual(expected);
        expect(lines.sharedOrderIds).toBe([...owners.values()].filter((o) => o.size > 1).length);
      }),
      { numRuns: 150 },
    );
  });
});
