import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCAN_ROOM, ScanKernel, type ScanRoom } from '../../../../src/core/read/kernel/scanKernel';
import {
  FIELD_NUMBER,
  FIELD_TEXT,
  FieldBuffer,
  fieldCell,
  fieldCells,
} from '../../../../src/core/read/scannedFields';
import {
  scanRecords,
  type ScanOutcome,
  type ScanSink,
} from '../../../../src/core/read/scanRecords';

/** What a sink was told, in order; a run of number records is told record by record. */
type Event = (string | number | boolean | number[] | string[])[];

function recordingSink(takesRuns: boolean): { sink: ScanSink; events: Event[] } {
  const events: Event[] = [];
  const sink: ScanSink = {
    fields: (text, fields, first, count, start, end, line, stray) =>
      events.push([
        'fields',
        count,
        start,
        end,
        line,
        stray,
        [...fields.kinds.subarray(first, first + count)],
        [...fields.values.subarray(first, first + count)],
        [...fields.starts.subarray(first, first + count)],
        [...fields.ends.subarray(first, first + count)],
        fieldCells(text, fields, first, count),
      ]),
    blankLine: () => events.push(['blank']),
  };
  if (takesRuns) {
    sink.numberRecords = (values, first, width, records, firstRecord, count) => {
      for (let r = 0; r < count; r++) {
        const at = (firstRecord + r) * 6;
        const from = first + r * width;
        events.push([
          'fields',
          width,
          records[at + 2],
          records[at + 3],
          records[at + 4],
          false,
          new Array<number>(width).fill(FIELD_NUMBER),
          [...values.subarray(from, from + width)],
        ]);
      }
      return true;
    };
  }
  return { sink, events };
}

interface Case {
  text: string;
  final: boolean;
  delimiter: string;
  decimal: string;
  recordLimit: number;
}

/** scanRecords, or a kernel's scan (which also takes an ASCII text's own bytes). */
type Scan = (...args: [...Parameters<typeof scanRecords>, (Uint8Array | null)?]) => ScanOutcome;

/** The case's text read by `scan` into `sink` (from `ascii`, its bytes, where given): its outcome. */
function scanCase(scan: Scan, c: Case, sink: ScanSink, ascii: Uint8Array | null = null) {
  return scan(
    c.text,
    0,
    1,
    c.final,
    c.delimiter.charCodeAt(0),
    c.decimal.charCodeAt(0),
    new FieldBuffer(),
    sink,
    { dollar: false },
    c.recordLimit,
    ascii,
  );
}

/** The case read by `scan`: its outcome and what the sink heard. */
function scanWith(scan: Scan, c: Case, takesRuns: boolean, ascii: Uint8Array | null = null) {
  const { sink, events } = recordingSink(takesRuns);
  const outcome = scanCase(scan, c, sink, ascii);
  return { outcome, events: takesRuns ? events.map(numbersOnly) : events };
}

const withJavaScript = (c: Case, takesRuns: boolean) => scanWith(scanRecords, c, takesRuns);
const withKernel = (
  kernel: ScanKernel,
  c: Case,
  takesRuns: boolean,
  ascii: Uint8Array | null = null,
) => scanWith(kernel.scan.bind(kernel), c, takesRuns, ascii);

/** A record's event as a run tells it (no starts, ends or cells) when all its fields are numbers. */
function numbersOnly(event: Event): Event {
  if (event[0] !== 'fields' || event[5] === true) return event;
  const kinds = event[6] as number[];
  return kinds.every((kind) => kind === FIELD_NUMBER) ? event.slice(0, 8) : event;
}

const cells = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '  ',
    '0',
    '-0',
    '+7',
    '12',
    '-3.5',
    '.5',
    '5.',
    '1.2.3',
    '00012',
    '123456789012345',
    '1234567890123456',
    '0.000001',
    '1e5',
    '1E-3',
    '-2.5e+10',
    '1e400',
    '1e1234',
    '3e',
    '1,234',
    '1,234.56',
    '12,34',
    '1.234,5',
    '$9.99',
    '-$1,000',
    '$',
    'abc',
    'a b',
    'NaN',
    '5\'10"',
    'x"y',
    '"q"',
    '"1,5"',
    '"2.5"',
    '"$3"',
    '"a""b"',
    '""',
    '"line\nbreak"',
    '"\nfirst"',
    '"last\n"',
    '"\n\n"',
    '"7"x',
    '"open',
    '"12""',
  ),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => (n / 1000).toFixed(3)),
  fc.string({ maxLength: 6 }),
  // Longer than the eight bytes the kernel looks at a step, with what stops it at every place.
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', ' ', '/'), minLength: 6, maxLength: 20 }),
      fc.constantFrom('', '"', 'é', '名', '😀', '\u00a0', '\n'),
      fc.string({ unit: fc.constantFrom('b', ':'), maxLength: 12 }),
      fc.boolean(),
    )
    .map(([head, stop, tail, quoted]) =>
      quoted ? `"${head}${stop}${tail}"` : `${head}${stop === '\n' ? '' : stop}${tail}`,
    ),
  // Past ASCII: two-, three- and four-byte characters, and white space trim() removes.
  fc.constantFrom(
    '£40',
    'Zoë',
    '北京',
    '😀x',
    '\u00a0',
    ' \u00a0 ',
    '\u3000',
    '"naïve"',
    '"a\n北"',
    '"é""s"',
    'x"é',
    '1,5€',
  ),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const cases: fc.Arbitrary<Case> = fc
  .record({
    rows: fc.array(fc.array(cells, { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 12,
    }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    decimal: fc.constantFrom('.', ','),
    final: fc.boolean(),
    trailingNewline: fc.boolean(),
    recordLimit: fc.constantFrom(5, 12, 13, 40, 1 << 20),
  })
  .map(({ rows, delimiter, decimal, final, trailingNewline, recordLimit }) => ({
    text: rows.map((row) => row.join(delimiter)).join('\n') + (trailingNewline ? '\n' : ''),
    delimiter,
    decimal,
    final,
    recordLimit,
  }));

/** A kernel's room with batches of `fields` and `records`, and ids for a few texts. */
function small(
  fields: number,
  records: number,
  tableBits = 4,
  arenaBytes = 64,
  piece = 7,
): ScanRoom {
  return { fields, records, tableBits, arenaBytes, piece };
}

describe('ScanKernel', () => {
  it('loads here', () => {
    expect(ScanKernel.load()).not.toBeNull();
  });

  it('gives scanRecords’ records, fields, numbers and outcome, whatever the batch size', () => {
    const kernels = [SCAN_ROOM, small(8, 2), small(3, 1, 4, 64, 1), small(64, 8, 4, 64, 20)].map(
      (room) => ScanKernel.load(room)!,
    );
    fc.assert(
      fc.property(cases, fc.boolean(), (c, takesRuns) => {
        const expected = withJavaScript(c, takesRuns);
        for (const kernel of kernels) expect(withKernel(kernel, c, takesRuns)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it("reads an ASCII text's own bytes as it reads the text", () => {
    const kernels = [SCAN_ROOM, small(8, 2, 4, 64, 1), small(64, 8, 4, 64, 20)].map((room) =>
      ScanKernel.load(room)!,
    );
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(cases, fc.boolean(), (c, takesRuns) => {
        fc.pre(!/[\u0080-\uffff]/.test(c.text));
        const expected = withJavaScript(c, takesRuns);
        const bytes = encoder.encode(c.text);
        for (const kernel of kernels)
          expect(withKernel(kernel, c, takesRuns, bytes)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives each text cell an id in its column: the same text the same id, another text another', () => {
    fc.assert(
      fc.property(
        cases,
        fc.constantFrom(SCAN_ROOM, small(64, 8, 2, 16), small(64, 8, 3, 40)),
        (c, room) => {
          const kernel = ScanKernel.load(room)!;
          const seen: [number, string, number][] = [];
          const sink: ScanSink = {
            fields: (text, fields, first, count) => {
              for (let f = 0; f < count; f++) {
                if (fields.kinds[first + f] === FIELD_TEXT && fields.ids !== null)
                  seen.push([f, fieldCell(text, fields, first + f), fields.ids[first + f]]);
              }
            },
            blankLine: () => {},
          };
          // Twice: the second time, every text has been seen.
          scanCase(kernel.scan.bind(kernel), c, sink);
          scanCase(kernel.scan.bind(kernel), c, sink);
          const ids = new Map<string, number>();
          // The text of each id given, by column and id.
          const texts = new Map<string, string>();
          let full = false;
          for (const [column, cell, id] of seen) {
            const key = `${column}\u0000${cell}`;
            const known = ids.get(key);
            if (known !== undefined) expect(id).toBe(known);
            else if (id === -1) {
              // Only a full table or arena leaves a new text without an id.
              expect(room).not.toBe(SCAN_ROOM);
              full = true;
            } else {
              expect(full && room === SCAN_ROOM).toBe(false);
              // Not another text's (a blank line's cell takes an id too, unseen here, and its
              // text may come again in a record).
              const idKey = `${column}\u0000${id}`;
              expect(texts.get(idKey) ?? cell).toBe(cell);
              texts.set(idKey, cell);
              ids.set(key, id);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same doubles as Number() for plain, negative and exponent numbers', () => {
    const kernel = ScanKernel.load()!;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc
              .integer({ min: -99_999, max: 99_999 })
              .chain((whole) =>
                fc
                  .integer({ min: 0, max: 999_999 })
                  .map((part) => `${whole}.${String(part).padStart(6, '0')}`),
              ),
            fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x.toExponential(8)),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (numbers) => {
          const { events } = withKernel(
            kernel,
            {
              text: numbers.join(',') + '\n',
              final: true,
              delimiter: ',',
              decimal: '.',
              recordLimit: 1 << 20,
            },
            false,
          );
          const values = events[0][7] as number[];
          const kinds = events[0][6] as number[];
          numbers.forEach((cell, f) => {
            if (kinds[f] === FIELD_NUMBER) expect(values[f]).toBe(Number(cell));
            else expect(kinds[f]).toBe(FIELD_TEXT);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts positions in code units where characters take more than a byte', () => {
    const c: Case = {
      text: 'name,amount\nZoë,1.5\n北京,"2,5"\n',
      final: true,
      delimiter: ',',
      decimal: ',',
      recordLimit: 1 << 20,
    };
    expect(withKernel(ScanKernel.load()!, c, true)).toEqual(withJavaScript(c, true));
  });

  it('grows its memory for a piece longer than it had room for, and reads on', () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `${i},${(i * 0.37).toFixed(2)},"n ${i % 97}"`,
    );
    const c: Case = {
      text: 'id,amount,note\n' + rows.join('\n') + '\n',
      final: true,
      delimiter: ',',
      decimal: '.',
      recordLimit: 1 << 20,
    };
    // One piece for the whole text: past the pages the kernel starts with.
    const kernel = ScanKernel.load({ ...SCAN_ROOM, piece: 1 << 22 })!;
    expect(withKernel(kernel, c, true)).toEqual(withJavaScript(c, true));
  });

  it('hands runs of number records over at once, and the rest one by one', () => {
    const kernel = ScanKernel.load()!;
    const runs: number[] = [];
    const one: number[] = [];
    const sink: ScanSink = {
      fields: (_text, _fields, _first, count) => one.push(count),
      blankLine: () => one.push(0),
      numberRecords: (_values, _first, width, _records, _firstRecord, count) => {
        runs.push(width * 100 + count);
        return true;
      },
    };
    kernel.scan(
      'a,b\n1,2\n3,4\n5,6\nx,7\n\n8,9\n1,2,3\n',
      0,
      1,
      true,
      44,
      46,
      new FieldBuffer(),
      sink,
      {
        dollar: false,
      },
    );
    expect(runs).toEqual([203, 201, 301]);
    expect(one).toEqual([2, 2, 0]);
  });
});
