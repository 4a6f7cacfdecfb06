import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { fittedAxis, tickLabelWidth } from '../../../src/components/plot/chartTicks';
import {
  bandAxis,
  fixedAxis,
  linearAxis,
  linearTicks,
  niceDomain,
  tickDigits,
} from '../../../src/components/plot/scale';

describe('linear ticks', () => {
  it('are round steps of 1, 2 or 5 times a power of ten', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks(-3.7, 12.2, 5)).toEqual([0, 5, 10]);
    expect(linearTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(linearTicks(0, 14_310, 5)).toEqual([0, 2000, 4000, 6000, 8000, 10000, 12000, 14000]);
  });

  it('widen a domain to the round values around it', () => {
    expect(niceDomain(-3.7, 12.2, 5)).toEqual([-5, 15]);
    expect(niceDomain(0, 14_310, 5)).toEqual([0, 20_000]);
    expect(niceDomain(0.013, 0.987, 5)).toEqual([0, 1]);
  });

  it('are those d3 chooses, on any domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (start, span, count) => {
          const stop = start + span;
          const d3 = scaleLinear().domain([start, stop]).nice(count);
          // The same values; ours never writes 0 as -0.
          const signless = (values: number[]) => values.map((value) => value + 0);
          expect(niceDomain(start, stop, count)).toEqual(signless(d3.domain()));
          const [a, b] = d3.domain();
          expect(linearTicks(a, b, count)).toEqual(signless(d3.ticks(count)));
        },
      ),
    );
  });
});

describe('a linear axis', () => {
  it('maps its domain onto its pixels, upwards for a vertical axis', () => {
    const y = linearAxis([3, 7, 9.5], 200, 10, { zero: true });
    expect(y.domain).toEqual([0, 10]);
    expect(y.at(0)).toBe(200);
    expect(y.at(10)).toBe(10);
    expect(y.at(5)).toBe(105);
    expect(y.ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('leaves out what cannot be placed, and keeps a domain when one value or none is left', () => {
    expect(linearAxis([NaN, 4, Infinity], 0, 100).domain).toEqual([2, 6]);
    expect(linearAxis([0, 0], 0, 100).domain).toEqual([-1, 1]);
    expect(linearAxis([0], 0, 100, { zero: true }).domain).toEqual([0, 1]);
    expect(linearAxis([], 0, 100).domain).toEqual([0, 1]);
    const single = linearAxis([-8], 0, 100);
    expect(single.domain[0]).toBeLessThan(-8);
    expect(single.domain[1]).toBeGreaterThan(-8);
    for (const value of [single.domain[0], -8, single.domain[1]])
      expect(Number.isFinite(single.at(value))).toBe(true);
  });

  it('spans a fixed domain as given', () => {
    const x = fixedAxis([1, 10], 80, 530);
    expect(x.at(1)).toBe(80);
    expect(x.at(10)).toBe(530);
    expect(x.domain).toEqual([1, 10]);
  });
});

describe('an axis fitted to its labels', () => {
  const format = (value: number) => value.toLocaleString('en-US');
  const incomes = [18_250, 246_900];

  it('keeps about five ticks where there is room', () => {
    const axis = fittedAxis((count) => linearAxis(incomes, 0, 900, { count }), format);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps fewer on a phone, none of them meeting', () => {
    const axis = fittedAxis((count) => linearAxis(incomes, 0, 240, { count }), format);
    const wide = linearAxis(incomes, 0, 240);
    expect(axis.ticks.length).toBeLessThan(wide.ticks.length);
    const widest = Math.max(...axis.ticks.map((v) => tickLabelWidth(format(v))));
    expect(axis.at(axis.ticks[1]) - axis.at(axis.ticks[0])).toBeGreaterThan(widest);
  });
});

describe('a band axis', () => {
  it('gives each category an equal band and its mark the centre', () => {
    const x = bandAxis(4, 100, 500);
    expect(x.band).toBe(100);
    expect([0, 1, 2, 3].map(x.centre)).toEqual([150, 250, 350, 450]);
  });
});

describe('tick digits', () => {
  it('are the decimals of the step, so that no two ticks read alike', () => {
    const digits = (values: number[]) => tickDigits(linearAxis(values, 0, 500));
    expect(digits([0, 14_310])).toBe(0);
    expect(digits([0.81, 0.84])).toBe(3);
    expect(digits([0, 0.45])).toBe(1);
    expect(digits([0, 0.0008])).toBe(4);
    const close = linearAxis([0.81, 0.84], 0, 500);
    const labels = close.ticks.map((v) => (v * 100).toFixed(tickDigits(close) - 2));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
