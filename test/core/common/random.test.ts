import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, sampleIndices } from '../../../src/core/common/random';

/**
 * splitmix32 seeding and xoshiro128** (Blackman and Vigna) written from their definitions with
 * BigInt, so that no 32-bit trick of the module (Math.imul, >>> 0) is taken on trust.
 */
function referenceFloats(seed: number, count: number): number[] {
  const M = (1n << 32n) - 1n;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  let s = BigInt(seed >>> 0);
  const splitmix = () => {
    s = (s + 0x9e3779b9n) & M;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    return z ^ (z >> 16n);
  };
  const state = [splitmix(), splitmix(), splitmix(), splitmix()];
  if (!state.some((word) => word !== 0n)) state[0] = 1n;
  const nextUint = () => {
    const result = (rotl((state[1] * 5n) & M, 7n) * 9n) & M;
    const t = (state[1] << 9n) & M;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11n);
    return result;
  };
  return Array.from({ length: count }, () => {
    const hi = nextUint() >> 5n;
    const lo = nextUint() >> 6n;
    return Number((hi << 26n) | lo) / 2 ** 53;
  });
}

const floats = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('is xoshiro128** seeded through splitmix32, 53 bits per float', () => {
    for (const seed of [0, 1, 42, 2 ** 31, 2 ** 32 - 1, 123456789])
      expect(floats(seed, 50), `seed ${seed}`).toEqual(referenceFloats(seed, 50));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(floats(seed, 300)).toEqual(referenceFloats(seed, 300));
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(floats(7, 20)).toEqual(floats(7, 20));
    expect(floats(7, 20)).not.toEqual(floats(8, 20));
  });

  it('takes the seed as a 32-bit unsigned integer', () => {
    expect(floats(-1, 5)).toEqual(floats(2 ** 32 - 1, 5));
    expect(floats(2 ** 32 + 5, 5)).toEqual(floats(5, 5));
  });

  it('gives floats in [0, 1) and integers in [0, n)', () => {
    const random = createRandom(99);
    for (let i = 0; i < 2000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = random.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(createRandom(3).int(1)).toBe(0);
  });

  it('spreads integers evenly (a fixed seed, so this cannot flake)', () => {
    const random = createRandom(2024);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10000; i++) counts[random.int(10)]++;
    expect(Math.min(...counts)).toBeGreaterThan(900);
    expect(Math.max(...counts)).toBeLessThan(1100);
  });
});

describe('sampleIndices', () => {
  it('takes count distinct indices in increasing order, all of them when count >= n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer(),
        (n, count, seed) => {
          const sample = sampleIndices(n, count, createRandom(seed));
          expect(sample).toHaveLength(Math.min(n, count));
          for (let i = 0; i < sample.length; i++) {
            expect(sample[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : sample[i - 1] + 1);
            expect(sample[i]).toBeLessThan(n);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(Array.from(sampleIndices(4, 10, createRandom(1)))).toEqual([0, 1, 2, 3]);
    expect(sampleIndices(0, 3, createRandom(1))).toHaveLength(0);
    expect(sampleIndices(5, 0, createRandom(1))).toHaveLength(0);
  });

  it('gives the same sample for the same seed', () => {
    const a = sampleIndices(1000, 50, createRandom(11));
    expect(Array.from(sampleIndices(1000, 50, createRandom(11)))).toEqual(Array.from(a));
    expect(Array.from(sampleIndices(1000, 50, createRandom(12)))).not.toEqual(Array.from(a));
  });

  it('gives every index the same chance (a fixed seed, so this cannot flake)', () => {
    const random = createRandom(5);
    const counts = new Array<number>(10).fill(0);
    for (let draw = 0; draw < 3000; draw++)
      for (const index of sampleIndices(10, 3, random)) counts[index]++;
    // Each index is expected 900 times.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1000);
  });
});
