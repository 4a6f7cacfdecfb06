// AssemblyScript: the text cells' ids for the reader's kernel (scan.as.ts), in its memory. In
// each column (a field's place in its record, below `internColumns`),
// each distinct text gets the next id, 0, 1, 2..., so that the column can take a text it has
// seen by its id, without a string. The table is open-addressed, `tableMask + 1` entries of 24
// bytes (hash, column, the text's offset in the arena and length, id, used); the arena holds
// each distinct text's bytes. Both are set once per read (internInit) and never grow: past half
// the table or the arena's end, new texts get no id (-1) and the column reads them as before.
let table: usize = 0;
let tableMask: u32 = 0;
let tableUsed: u32 = 0;
let arena: usize = 0;
let arenaSize: u32 = 0;
let arenaUsed: u32 = 0;
/** Ids given so far in each column, one i32 each. */
let counters: usize = 0;
let internColumns: i32 = 0;

export function internInit(
  atTable: usize,
  tableBits: i32,
  atArena: usize,
  arenaBytes: u32,
  atCounters: usize,
  columns: i32,
): void {
  table = atTable;
  tableMask = (<u32>1 << tableBits) - 1;
  tableUsed = 0;
  arena = atArena;
  arenaSize = arenaBytes;
  arenaUsed = 0;
  counters = atCounters;
  internColumns = columns;
}

/** The bytes at p[0, length) (the text is followed by room for a word). */
@inline
function hashBytes(p: usize, length: i32): u32 {
  let h: u64 = 0x9e3779b97f4a7c15 ^ <u64>length;
  const end = p + <usize>length;
  while (p + 8 <= end) {
    h = (rotl<u64>(h, 5) ^ load<u64>(p)) * 0x517cc1b727220a95;
    p += 8;
  }
  if (p < end) {
    const tail = load<u64>(p) & ((<u64>1 << (<u64>(end - p) << 3)) - 1);
    h = (rotl<u64>(h, 5) ^ tail) * 0x517cc1b727220a95;
  }
  return <u32>(h ^ (h >> 29));
}

@inline
function sameBytes(a: usize, b: usize, length: i32): bool {
  let k: i32 = 0;
  for (; k + 8 <= length; k += 8) {
    if (load<u64>(a + <usize>k) != load<u64>(b + <usize>k)) return false;
  }
  for (; k < length; k++) {
    if (load<u8>(a + <usize>k) != load<u8>(b + <usize>k)) return false;
  }
  return true;
}

/** The id of the text cell text[start, end) in `column`, given now if new; -1 if none. */
export function intern(text: usize, start: i32, end: i32, column: i32): i32 {
  if (column >= internColumns) return -1;
  const length = end - start;
  const source = text + <usize>start;
  const hash = hashBytes(source, length) ^ (<u32>column * 0x9e3779b1);
  let slot = hash & tableMask;
  for (;;) {
    const entry = table + <usize>slot * 24;
    if (load<u32>(entry, 20) == 0) {
      if (tableUsed >= (tableMask >> 1) || arenaUsed + <u32>length > arenaSize) return -1;
      const offset = arenaUsed;
      memory.copy(arena + <usize>offset, source, <usize>length);
      arenaUsed += <u32>length;
      tableUsed++;
      const counter = counters + (<usize>column << 2);
      const id = load<i32>(counter);
      store<i32>(counter, id + 1);
      store<u32>(entry, hash);
      store<i32>(entry, column, 4);
      store<u32>(entry, offset, 8);
      store<i32>(entry, length, 12);
      store<i32>(entry, id, 16);
      store<u32>(entry, 1, 20);
      return id;
    }
    if (
      load<u32>(entry) == hash &&
      load<i32>(entry, 4) == column &&
      load<i32>(entry, 12) == length &&
      sameBytes(arena + <usize>load<u32>(entry, 8), source, length)
    )
      return load<i32>(entry, 16);
    slot = (slot + 1) & tableMask;
  }
  return -1; // not reached: the table is never more than half full
}
