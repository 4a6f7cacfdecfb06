import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noProgress, rowProgress, type StageProgress } from '../../../src/core/common/progress';

/** Calls the returned tick for done = 1..total and collects what reaches the report. */
function fractionsOf(total: number, parts?: number): number[] {
  const fractions: number[] = [];
  const report: StageProgress = (fraction) => fractions.push(fraction);
  const tick = parts === undefined ? rowProgress(report, total) : rowProgress(report, total, parts);
  for (let done = 1; done <= total; done++) tick(done);
  return fractions;
}

describe('rowProgress', () => {
  it('reports every total / parts rows: twenty times by default', () => {
    const fractions = fractionsOf(100);
    expect(fractions).toHaveLength(20);
    expect(fractions[0]).toBe(0.05);
    expect(fractions.at(-1)).toBe(1);
    expect(fractionsOf(1000, 4)).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('reports every row when there are fewer rows than parts', () => {
    expect(fractionsOf(3)).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('counts the next report from the row it was last called at, so jumps do not flood it', () => {
    const fractions: number[] = [];
    const tick = rowProgress((f) => fractions.push(f), 100, 10);
    tick(3); // below the first step: nothing
    tick(55); // next report at 65
    tick(60);
    tick(65);
    tick(150); // beyond the total: capped at 1
    expect(fractions).toEqual([0.55, 0.65, 1]);
  });

  it('does nothing without a report or without rows', () => {
    expect(() => rowProgress(undefined, 100)(50)).not.toThrow();
    const fractions: number[] = [];
    rowProgress((f) => fractions.push(f), 0)(1);
    rowProgress((f) => fractions.push(f), -5)(1);
    expect(fractions).toEqual([]);
  });

  it('stays cheap: at most twice parts reports, increasing, within (0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 50 }),
        (total, parts) => {
          const fractions = fractionsOf(total, parts);
          expect(fractions.length).toBeLessThanOrEqual(2 * parts);
          expect(fractions.length).toBeGreaterThanOrEqual(Math.min(total, parts));
          for (let i = 0; i < fractions.length; i++) {
            expect(fractions[i]).toBeGreaterThan(i === 0 ? 0 : fractions[i - 1]);
            expect(fractions[i]).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('noProgress', () => {
  it('accepts any fraction and returns nothing', () => {
    expect(noProgress(0.5)).toBeUndefined();
  });
});
