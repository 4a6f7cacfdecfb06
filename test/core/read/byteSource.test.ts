import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';

describe('bytesSource', () => {
  const bytes = Uint8Array.from([10, 20, 30, 40, 50]);

  it('has the size of its bytes and reads any range of them', async () => {
    const source = bytesSource(bytes);
    expect(source.size).toBe(5);
    expect(Array.from(await source.read(1, 3))).toEqual([20, 30]);
    expect(Array.from(await source.read(0, 5))).toEqual([10, 20, 30, 40, 50]);
  });

  it('stops at the end of the bytes, and reads nothing from an empty range', async () => {
    const source = bytesSource(bytes);
    expect(Array.from(await source.read(3, 1000))).toEqual([40, 50]);
    expect(await source.read(2, 2)).toHaveLength(0);
    expect(await source.read(5, 9)).toHaveLength(0);
    expect(bytesSource(new Uint8Array(0)).size).toBe(0);
  });

  it('reads views of the bytes, never copies (a large file is not held twice)', async () => {
    const view = await bytesSource(bytes).read(2, 4);
    expect(view.buffer).toBe(bytes.buffer);
    expect(view.byteOffset).toBe(2);
  });
});

describe('textSource', () => {
  it('holds the text as UTF-8: its size is in bytes, not characters', async () => {
    const source = textSource('né€😀');
    expect(source.size).toBe(1 + 2 + 3 + 4);
    expect(new TextDecoder().decode(await source.read(0, source.size))).toBe('né€😀');
    expect(Array.from(await source.read(1, 3))).toEqual([0xc3, 0xa9]);
  });

  it('is empty for empty text', () => {
    expect(textSource('').size).toBe(0);
  });
});
