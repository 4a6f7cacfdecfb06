import { describe, expect, it } from 'vitest';
import { barsPath, crossesPath, dotsPath, linePath } from '../../../src/components/plot/paths';

describe('path data', () => {
  it('joins a line through the points it can place', () => {
    expect(
      linePath([
        [0, 10],
        [NaN, 5],
        [20, 0.25],
        [30, Infinity],
        [40, 1],
      ]),
    ).toBe('M0.0 10.0L20.0 0.3L40.0 1.0');
    expect(linePath([])).toBe('');
  });

  it('draws a dot of the radius at each point', () => {
    expect(
      dotsPath(
        [
          [10, 20],
          [NaN, 1],
        ],
        3,
      ),
    ).toBe('M7.0 20.0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0');
  });

  it('draws a closed plus sign, as wide as high, centred on each point', () => {
    const d = crossesPath([[50, 40]], 12);
    expect(d.startsWith('M48.0 34.0')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    // Walk the relative moves: twelve sides (the last one Z) that come back to the start and
    // span 12 px each way.
    let x = 48;
    let y = 34;
    const xs = [x];
    const ys = [y];
    for (const [, axis, step] of d.slice('M48.0 34.0'.length, -1).matchAll(/([hv])(-?[\d.]+)/g)) {
      if (axis === 'h') x += Number(step);
      else y += Number(step);
      xs.push(x);
      ys.push(y);
    }
    expect(xs).toHaveLength(12);
    expect(x).toBeCloseTo(48);
    expect(y).toBeCloseTo(34 + 2 * 2);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(12);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(12);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(50);
  });
});

describe('bars', () => {
  it('stand on the baseline, centred, as wide as asked, up to each value', () => {
    expect(
      barsPath(
        [
          [50, 20],
          [NaN, 5],
          [80, 90],
        ],
        10,
        100,
      ),
    ).toBe('M45.0 100.0V20.0h10.0V100.0ZM75.0 100.0V90.0h10.0V100.0Z');
  });
});
