import { describe, expect, it } from 'vitest';
import { partBuffers } from '../../src/pool/partApi';
import type { TablePart } from '../../src/core/read/tableBuilder';

describe('partBuffers', () => {
  it('lists each buffer once, a view with its whole buffer, and never a shared one', () => {
    const numbers = new Float64Array(16);
    const shared = new Float64Array(new SharedArrayBuffer(128));
    const codes = new Int32Array(new SharedArrayBuffer(64));
    const status = new Uint8Array(32).subarray(0, 10);
    const lines = new Uint32Array(10);
    const part: TablePart = {
      rows: 10,
      columns: [
        {
          name: '',
          numbers: numbers.subarray(0, 10),
          codes: null,
          texts: [],
          textCounts: [],
          missingCount: 0,
          numberCount: 10,
          unit: null,
        },
        {
          name: '',
          numbers: shared.subarray(0, 10),
          codes: codes.subarray(0, 10),
          texts: ['a'],
          textCounts: [10],
          missingCount: 0,
          numberCount: 0,
          unit: null,
        },
      ],
      status,
      start: lines,
      end: lines,
      line: new Uint32Array(10),
      chunks: [null],
      chunkFirstRow: [0],
      issues: [],
      issueCount: 0,
      warnings: [],
      warningCount: 0,
      blankLines: 0,
      extraEmptyFields: 0,
    };
    const buffers = partBuffers(part);
    expect(buffers).toHaveLength(4);
    expect(buffers).toContain(numbers.buffer);
    expect(buffers).toContain(status.buffer);
    expect(buffers).toContain(lines.buffer);
    expect(buffers).not.toContain(shared.buffer);
    expect(buffers).not.toContain(codes.buffer);
  });
});
