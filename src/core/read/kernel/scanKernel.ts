import { type FieldBuffer, type ScannedFields } from '../scannedFields';
import {
  FAST_RECORD_CHARS,
  scanRecords,
  type NumberUnit,
  type ScanOutcome,
  type ScanSink,
} from '../scanRecords';
import { SCAN_WASM } from './scanWasm';

const PAGE = 65536;

/** How much a kernel holds: a batch's fields and records, and the text cells' ids. */
export interface ScanRoom {
  /** Fields and records one call of the kernel reads before handing them over. */
  fields: number;
  records: number;
  /** The ids' table has 2^tableBits entries (half of them used at most). */
  tableBits: number;
  /** Bytes of distinct texts the ids keep. */
  arenaBytes: number;
  /**
   * Code units of a chunk encoded into the kernel at a time (a record longer than this takes a
   * longer piece): the kernel's memory stays small, and each piece is read while in the cache.
   */
  piece: number;
}

export const SCAN_ROOM: ScanRoom = {
  fields: 1 << 15,
  records: 1 << 12,
  // 65,536 distinct texts in all, 8 MB of them: what order lines' products, dates and countries
  // need many times over. Memory the ids do not reach is never touched.
  tableBits: 17,
  arenaBytes: 8 << 20,
  piece: 1 << 19,
};

/** Columns whose text cells get ids (a field's place in its record). */
const ID_COLUMNS = 1024;

// What the kernel's scan() returns (scan.as.ts).
const FULL = 1;
const STOPPED = 2;
const CUT = 3;
const WIDE = 4;

// A record's flags.
const STRAY_QUOTE = 1;
const BLANK_LINE = 2;
const ALL_NUMBERS = 4;
const MAYBE_BLANK_LINE = 8;

/** The kernel's exports (scan.as.ts): every array is a byte offset into its memory. */
interface CompiledScan {
  scan(
    text: number,
    length: number,
    from: number,
    fromShift: number,
    firstLine: number,
    final: boolean,
    delimiter: number,
    decimal: number,
    recordLimit: number,
    values: number,
    starts: number,
    ends: number,
    kinds: number,
    ids: number,
    fieldRoom: number,
    records: number,
    recordRoom: number,
    state: number,
  ): number;
  internInit(
    table: number,
    tableBits: number,
    arena: number,
    arenaBytes: number,
    counters: number,
    columns: number,
  ): void;
}

/** Where the kernel's arrays lie in its memory (byte offsets). */
interface Layout {
  values: number;
  starts: number;
  ends: number;
  ids: number;
  records: number;
  state: number;
  counters: number;
  table: number;
  arena: number;
  kinds: number;
  /** The text comes last and grows with the chunk; the rest stays where it is. */
  text: number;
}

function layoutFor(room: ScanRoom): Layout {
  const values = 0;
  const starts = values + room.fields * 8;
  const ends = starts + room.fields * 4;
  const ids = ends + room.fields * 4;
  const records = ids + room.fields * 4;
  const state = records + room.records * 24;
  const counters = state + 16;
  const table = counters + ID_COLUMNS * 4;
  const arena = table + 2 ** room.tableBits * 24;
  const kinds = arena + room.arenaBytes;
  return {
    values,
    starts,
    ends,
    ids,
    records,
    state,
    counters,
    table,
    arena,
    kinds,
    text: kinds + room.fields,
  };
}

/** The batch's arrays: the fields (ScannedFields), the records and the state. */
interface Views extends ScannedFields {
  buffer: ArrayBuffer;
  values: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
  ids: Int32Array;
  kinds: Uint8Array;
  records: Int32Array;
  state: Int32Array;
}

let compiledModule: WebAssembly.Module | undefined;

/**
 * The reader's fast path compiled to WebAssembly (scan.as.ts): scanRecords, step for step, over
 * a chunk's text written into the kernel's memory in UTF-8 a piece at a time, every position it
 * gives counted in the string's code units. Records go to the sink in batches, in order, each
 * with the fields scanRecords gives, and each text cell with its id in its column (the same text,
 * the same id, for the whole read: one kernel per read). A record wider than a batch, and a
 * delimiter past ASCII, are read by scanRecords itself.
 */
export class ScanKernel {
  private readonly encoder = new TextEncoder();
  private views: Views | null = null;
  private readonly layout: Layout;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly compiled: CompiledScan,
    private readonly room: ScanRoom,
  ) {
    this.layout = layoutFor(room);
    const { table, arena, counters } = this.layout;
    compiled.internInit(table, room.tableBits, arena, room.arenaBytes, counters, ID_COLUMNS);
  }

  /**
   * A kernel for one read, or null where WebAssembly is missing or forbidden (a policy without
   * wasm). Tests make `room` small.
   */
  static load(room: ScanRoom = SCAN_ROOM): ScanKernel | null {
    try {
      compiledModule ??= new WebAssembly.Module(
        Uint8Array.from(atob(SCAN_WASM), (c) => c.charCodeAt(0)),
      );
      const pages = Math.ceil(layoutFor(room).text / PAGE) + 1;
      const memory = new WebAssembly.Memory({ initial: pages });
      const instance = new WebAssembly.Instance(compiledModule, { env: { memory } });
      return new ScanKernel(memory, instance.exports as unknown as CompiledScan, room);
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
    /** The text's own bytes when it is ASCII (DecodedChunk.ascii): copied in, not encoded again. */
    ascii: Uint8Array | null = null,
  ): ScanOutcome {
    const length = text.length;
    const javascript = (position: number, line: number) =>
      scanRecords(text, position, line, final, delimiter, decimal, fields, sink, unit, recordLimit);
    // The kernel compares bytes with the delimiter and the decimal separator.
    if (delimiter >= 0x80 || decimal >= 0x80) return javascript(from, firstLine);
    let pieceStart = from;
    let pieceLength = this.room.piece;
    let line = firstLine;
    for (;;) {
      let pieceEnd = Math.min(length, pieceStart + pieceLength);
      // Never between the two halves of a character (encodeInto would write U+FFFD for each).
      if (pieceEnd < length && isHighSurrogate(text.charCodeAt(pieceEnd - 1))) pieceEnd++;
      const last = pieceEnd === length;
      const byteLength = this.encode(text, pieceStart, pieceEnd, ascii);
      if (byteLength < 0) return javascript(pieceStart, line);
      const outcome = this.scanPiece(
        text,
        byteLength,
        pieceStart,
        line,
        last && final,
        delimiter,
        decimal,
        recordLimit,
        // After encode(): a memory that grew has new views.
        this.currentViews(),
        sink,
      );
      line = outcome.line;
      if (outcome.status === WIDE) return javascript(outcome.position, line);
      if (outcome.status === STOPPED) return { line, stoppedAt: outcome.position, carryFrom: -1 };
      if (!last) {
        // Read on from the record the piece's end cut (from the piece's end when none was cut);
        // a record longer than a piece takes a longer one.
        const next = outcome.status === CUT ? outcome.position : pieceEnd;
        if (next === pieceStart) pieceLength *= 2;
        pieceStart = next;
        continue;
      }
      if (outcome.status === CUT) {
        const position = outcome.position;
        if (final || length - position > recordLimit)
          return { line, stoppedAt: position, carryFrom: -1 };
        return { line, stoppedAt: -1, carryFrom: position };
      }
      return { line, stoppedAt: -1, carryFrom: -1 };
    }
  }

  /**
   * text[start, end) into the kernel's memory as UTF-8 (`ascii`'s bytes, where given), followed by two NUL bytes (the kernel
   * reads past the end without a bounds check) and room for a word (the ids' hash reads a word at
   * a time); its length in bytes, or -1 if the memory cannot hold it.
   */
  private encode(text: string, start: number, end: number, ascii: Uint8Array | null): number {
    if (ascii !== null) {
      // One byte a character: the piece's bytes are where its characters are.
      const at = this.layout.text;
      const length = end - start;
      if (!this.hasRoom(at + length + 8)) return -1;
      const bytes = new Uint8Array(this.memory.buffer, at, length + 2);
      bytes.set(ascii.subarray(start, end));
      bytes[length] = 0;
      bytes[length + 1] = 0;
      return length;
    }
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    // UTF-8 takes at most three bytes a code unit.
    const room = piece.length * 3 + 8;
    const at = this.layout.text;
    if (!this.hasRoom(at + room)) return -1;
    const bytes = new Uint8Array(this.memory.buffer, at, room);
    const written = this.encoder.encodeInto(piece, bytes);
    if (written.read !== piece.length) return -1;
    bytes[written.written] = 0;
    bytes[written.written + 1] = 0;
    return written.written;
  }

  /**
   * The records of the piece encode() left in the kernel's memory (code units from `start` in
   * `text`) to the sink, batch after batch, until the kernel stops: how, where (a code unit) and
   * the line there.
   */
  private scanPiece(
    text: string,
    byteLength: number,
    start: number,
    firstLine: number,
    final: boolean,
    delimiter: number,
    decimal: number,
    recordLimit: number,
    views: Views,
    sink: ScanSink,
  ): { status: number; position: number; line: number } {
    const { layout, room } = this;
    let byte = 0;
    // Code units less bytes before `byte` (the piece's first byte is code unit `start`).
    let shift = -start;
    let line = firstLine;
    for (;;) {
      const status = this.compiled.scan(
        layout.text,
        byteLength,
        byte,
        shift,
        line,
        final,
        delimiter,
        decimal,
        recordLimit,
        layout.values,
        layout.starts,
        layout.ends,
        layout.kinds,
        layout.ids,
        room.fields,
        layout.records,
        room.records,
        layout.state,
      );
      const recordCount = views.state[0];
      byte = views.state[1];
      line = views.state[2];
      const position = views.state[3];
      shift = byte - position;
      deliver(text, views, recordCount, sink);
      if (status !== FULL) return { status, position, line };
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

  private currentViews(): Views {
    const buffer = this.memory.buffer as ArrayBuffer;
    if (this.views === null || this.views.buffer !== buffer) {
      const { layout, room } = this;
      this.views = {
        buffer,
        values: new Float64Array(buffer, layout.values, room.fields),
        starts: new Int32Array(buffer, layout.starts, room.fields),
        ends: new Int32Array(buffer, layout.ends, room.fields),
        ids: new Int32Array(buffer, layout.ids, room.fields),
        kinds: new Uint8Array(buffer, layout.kinds, room.fields),
        records: new Int32Array(buffer, layout.records, room.records * 6),
        state: new Int32Array(buffer, layout.state, 4),
      };
    }
    return this.views;
  }
}

/**
 * A batch's records to the sink, in order: runs of records of plain numbers of one width
 * together, where the sink takes them so; any other record one by one.
 */
function deliver(text: string, views: Views, recordCount: number, sink: ScanSink): void {
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
        for (; r < runEnd; r++) deliverOne(text, views, r, sink);
      }
      r = runEnd;
      continue;
    }
    deliverOne(text, views, r, sink);
    r++;
  }
}

/** Record r of the batch to the sink, its fields where the kernel left them. */
function deliverOne(text: string, views: Views, r: number, sink: ScanSink): void {
  const records = views.records;
  const at = r * 6;
  const flags = records[at + 5];
  if ((flags & BLANK_LINE) !== 0) {
    sink.blankLine();
    return;
  }
  if ((flags & MAYBE_BLANK_LINE) !== 0) {
    // White space past ASCII (a no-break space, say): blank if trim() empties it, as scanRecords.
    const first = records[at];
    if (text.slice(views.starts[first], views.ends[first]).trim().length === 0) {
      sink.blankLine();
      return;
    }
  }
  sink.fields(
    text,
    views,
    records[at],
    records[at + 1],
    records[at + 2],
    records[at + 3],
    records[at + 4],
    (flags & STRAY_QUOTE) !== 0,
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
