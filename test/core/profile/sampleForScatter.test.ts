import { describe, expect, it } from 'vitest';
import { sampleForScatter } from '../../../src/core/profile/sampleForScatter';

describe('sampleForScatter', () => {
  it('keeps every row when there are few', () => {
    expect(Array.from(sampleForScatter(Int32Array.from([0, 1, 0]), 2000))).toEqual([0, 1, 2]);
  });

  it('draws at most max rows, in proportion to segment sizes, keeping tiny segments', () => {
    const labels = new Int32Array(100_000);
    for (let i = 0; i < labels.length; i++) labels[i] = i < 70_000 ? 0 : i < 99_995 ? 1 : 2;
    const sample = sampleForScatter(labels, 2000, 1);
    expect(sample.length).toBe(2000);
    const counts = [0, 0, 0];
    for (const i of sample) counts[labels[i]]++;
    expect(counts[0]).toBeGreaterThanOrEqual(1399);
    expect(counts[0]).toBeLessThanOrEqual(1401);
    expect(counts[2]).toBeGreaterThanOrEqual(1);
    expect(new Set(sample).size).toBe(2000);
    expect(Array.from(sample)).toEqual(Array.from(sample).sort((a, b) => a - b));
  });

  it('never draws more than max rows, even with many tiny segments', () => {
    // A million rows: one big segment and nine of ten rows each, which would round to 0 and
    // then get a point each on top of the big segment's 2,000.
    const labels = new Int32Array(1_000_000);
    for (let c = 1; c <= 9; c++) labels.fill(c, 1_000_000 - c * 10, 1_000_000 - (c - 1) * 10);
    const sample = sampleForScatter(labels, 2000, 0);
    expect(sample.length).toBe(2000);
    const seen = new Set(Array.from(sample, (i) => labels[i]));
    expect(seen.size).toBe(10);
  });

  it('samples noise (-1) and narrow label types like any segment', () => {
    const labels = new Int8Array(10_000);
    for (let i = 0; i < labels.length; i++) labels[i] = i % 10 === 0 ? -1 : i < 5000 ? 1 : 0;
    const sample = sampleForScatter(labels, 1000, 2);
    const counts = new Map<number, number>();
    for (const i of sample) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
    expect(sample.length).toBe(1000);
    expect(counts.get(-1)).toBe(100);
    expect(counts.get(0)).toBe(450);
    expect(counts.get(1)).toBe(450);
    expect(new Set(sample).size).toBe(1000);
  });

  it('draws the same rows in a scratch array of its own or one given, longer or not', () => {
    const labels = Int32Array.from({ length: 9_000 }, (_, i) => (i * 7) % 5);
    const alone = Array.from(sampleForScatter(labels, 300, 8));
    const scratch = new Int32Array(12_000).fill(-7);
    expect(Array.from(sampleForScatter(labels, 300, 8, scratch))).toEqual(alone);
    expect(Array.from(sampleForScatter(labels, 300, 8, scratch))).toEqual(alone);
  });

  it('is seeded', () => {
    const labels = Int32Array.from({ length: 10_000 }, (_, i) => i % 4);
    expect(Array.from(sampleForScatter(labels, 500, 3))).toEqual(
      Array.from(sampleForScatter(labels, 500, 3)),
    );
  });
});
