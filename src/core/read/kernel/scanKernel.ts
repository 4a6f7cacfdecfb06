import {
  FAST_RECORD_CHARS,
  scanRecords,
  type FieldBuffer,
  type NumberUnit,
  type ScanOutcome,
  type ScanSink,
} from '../scanRecords';
import { SCAN_WASM } from './scanWasm';

const PAGE = 65536;

/** Fields and records one call of the kernel reads before handing them over. */
const FIELD_ROOM = 1 << 15;
const RECORD_ROOM = 1 << 12;

// What the kernel's scan() returns (scan.as.ts).
const FULL = 1;
const STOPPED = 2;
const CUT = 3;
const WIDE = 4;

// A record's flags.
const STRAY_QUOTE = 1;
const BLANK_LINE = 2;
const ALL_NUMBERS = 4;

/** The kernel's one export (scan.as.ts): every array is a byte offset into its memory. */
type CompiledScan = (
  text: number,
  length: number,
  from: number,
  firstLine: number,
  final: boolean,
  delimiter: number,
  decimal: number,
  recordLimit: number,
  values: number,
  starts: number,
  ends: number,
  kinds: number,
  fieldRoom: number,
  records: number,
  recordRoom: number,
  state: number,
) => number;

/** Where the batch's arrays lie in the kernel's memory (byte offsets). */
interface Layout {
  values: number;
  starts: number;
  ends: number;
  records: number;
  state: number;
  kinds: number;
  /** The text follows the batch and grows with the chunk; the batch stays where it is. */
  text: number;
}

function layoutFor(fieldRoom: number, recordRoom: number): Layout {
  const values = 0;
  const starts = values + fieldRoom * 8;
  const ends = starts + fieldRoom * 4;
  const records = ends + fieldRoom * 4;
  const state = records + recordRoom * 24;
  const kinds = state + 16;
  return { values, starts, ends, records, state, kinds, text: kinds + fieldRoom };
}

/**
 * The reader's fast path compiled to WebAssembly (scan.as.ts): scanRecords, step for step, over
 * the chunk's text written into the kernel's memory as bytes, about three times as fast in
 * V8. It takes text that is all ASCII (then a byte is a character, and every offset the same);
 * other text, and a record wider than a batch, are read by scanRecords itself. Records go to
 * the sink in batches, in order, each with the same fields scanRecords gives.
 */
export class ScanKernel {
  private readonly encoder = new TextEncoder();
  private views: {
    buffer: ArrayBuffer;
    values: Float64Array;
    starts: Int32Array;
    ends: Int32Array;
    kinds: Uint8Array;
    records: Int32Array;
    state: Int32Array;
  } | null = null;

  private readonly layout: Layout;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly compiled: CompiledScan,
    private readonly fieldRoom: number,
    private readonly recordRoom: number,
  ) {
    this.layout = layoutFor(fieldRoom, recordRoom);
  }

  /**
   * The kernel, or null where WebAssembly is missing or forbidden (a policy without wasm).
   * A batch holds `fieldRoom` fields and `recordRoom` records (tests make them small).
   */
  static load(fieldRoom = FIELD_ROOM, recordRoom = RECORD_ROOM): ScanKernel | null {
    try {
      const bytes = Uint8Array.from(atob(SCAN_WASM), (c) => c.charCodeAt(0));
      const pages = Math.ceil(layoutFor(fieldRoom, recordRoom).text / PAGE) + 1;
      const memory = new WebAssembly.Memory({ initial: pages });
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      const scan = (instance.exports as { scan: CompiledScan }).scan;
      return new ScanKernel(memory, scan, fieldRoom, recordRoom);
    } catch {
      return null;
    }
  }

  /** scanRecords' arguments and outcome; `recordLimit` is FAST_RECORD_CHARS but in tests. */
  scan(
    text: string,
    from: number,
    firstLine: number,
    final: boolean,
    delimiter: number,
    decimal: number,
    fields: FieldBuffer,
    sink: ScanSink,
    unit: NumberUnit,
    recordLimit = FAST_RECORD_CHARS,
  ): ScanOutcome {
    const length = text.length;
    const javascript = (position: number, line: number) =>
      scanRecords(text, position, line, final, delimiter, decimal, fields, sink, unit, recordLimit);
    const layout = this.layout;
    if (!this.hasRoom(layout.text + length + 2)) return javascript(from, firstLine);
    const bytes = new Uint8Array(this.memory.buffer, layout.text, length + 2);
    const written = this.encoder.encodeInto(text, bytes.subarray(0, length));
    // Two NUL bytes after the text: the kernel reads past its end without a bounds check.
    bytes[length] = 0;
    bytes[length + 1] = 0;
    // All ASCII: each character one byte. Else the offsets would differ.
    if (written.read !== length || written.written !== length) return javascript(from, firstLine);
    const views = this.currentViews();
    let position = from;
    let line = firstLine;
    for (;;) {
      const status = this.compiled(
        layout.text,
        length,
        position,
        line,
        final,
        delimiter,
        decimal,
        recordLimit,
        layout.values,
        layout.starts,
        layout.ends,
        layout.kinds,
        this.fieldRoom,
        layout.records,
        this.recordRoom,
        layout.state,
      );
      const recordCount = views.state[0];
      position = views.state[1];
      line = views.state[2];
      deliver(text, views, recordCount, fields, sink);
      if (status === FULL) continue;
      if (status === WIDE) return javascript(position, line);
      if (status === STOPPED) return { line, stoppedAt: position, carryFrom: -1 };
      if (status === CUT) {
        if (final || length - position > recordLimit)
          return { line, stoppedAt: position, carryFrom: -1 };
        return { line, stoppedAt: -1, carryFrom: position };
      }
      return { line, stoppedAt: -1, carryFrom: -1 };
    }
  }

  /** Grows the memory to `bytes`; false if it cannot. */
  private hasRoom(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return true;
    try {
      this.memory.grow(Math.ceil((bytes - have) / PAGE));
      return true;
    } catch {
      return false;
    }
  }

  private currentViews() {
    const buffer = this.memory.buffer as ArrayBuffer;
    if (this.views === null || this.views.buffer !== buffer) {
      const { layout, fieldRoom } = this;
      this.views = {
        buffer,
        values: new Float64Array(buffer, layout.values, fieldRoom),
        starts: new Int32Array(buffer, layout.starts, fieldRoom),
        ends: new Int32Array(buffer, layout.ends, fieldRoom),
        kinds: new Uint8Array(buffer, layout.kinds, fieldRoom),
        records: new Int32Array(buffer, layout.records, this.recordRoom * 6),
        state: new Int32Array(buffer, layout.state, 4),
      };
    }
    return this.views;
  }
}

/**
 * A batch's records to the sink, in order: runs of records of plain numbers of one width
 * together, where the sink takes them so; any other record with its fields copied into `fields`.
 */
function deliver(
  text: string,
  views: NonNullable<ScanKernel['views']>,
  recordCount: number,
  fields: FieldBuffer,
  sink: ScanSink,
): void {
  const { records, values } = views;
  let r = 0;
  while (r < recordCount) {
    const at = r * 6;
    if ((records[at + 5] & ALL_NUMBERS) !== 0 && sink.numberRecords !== undefined) {
      const width = records[at + 1];
      let runEnd = r + 1;
      while (
        runEnd < recordCount &&
        (records[runEnd * 6 + 5] & ALL_NUMBERS) !== 0 &&
        records[runEnd * 6 + 1] === width
      )
        runEnd++;
      if (!sink.numberRecords(values, records[at], width, records, r, runEnd - r)) {
        for (; r < runEnd; r++) deliverOne(text, views, r, fields, sink);
      }
      r = runEnd;
      continue;
    }
    deliverOne(text, views, r, fields, sink);
    r++;
  }
}

/** Record r of the batch to the sink, its fields copied into `fields`. */
function deliverOne(
  text: string,
  views: NonNullable<ScanKernel['views']>,
  r: number,
  fields: FieldBuffer,
  sink: ScanSink,
): void {
  const { records, values, starts, ends, kinds } = views;
  const at = r * 6;
  const flags = records[at + 5];
  if ((flags & BLANK_LINE) !== 0) {
    sink.blankLine();
    return;
  }
  const first = records[at];
  const count = records[at + 1];
  while (fields.kinds.length < count) fields.grow();
  const toValues = fields.values;
  const toStarts = fields.starts;
  const toEnds = fields.ends;
  const toKinds = fields.kinds;
  for (let f = 0; f < count; f++) {
    toValues[f] = values[first + f];
    toStarts[f] = starts[first + f];
    toEnds[f] = ends[first + f];
    toKinds[f] = kinds[first + f];
  }
  sink.fields(
    text,
    fields,
    count,
    records[at + 2],
    records[at + 3],
    records[at + 4],
    (flags & STRAY_QUOTE) !== 0,
  );
}

let shared: ScanKernel | null | undefined;

/** The process's one scan kernel (each call is synchronous, so reads may share it), or null. */
export function scanKernel(): ScanKernel | null {
  if (shared === undefined) shared = ScanKernel.load();
  return shared;
}
