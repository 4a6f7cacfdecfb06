import { readFile } from 'node:fs/promises';

/**
 * The minimal parser the issue measures the parse stage against: read the text, split lines
 * and fields, parseFloat every field. Prints its time in milliseconds.
 */
const [path] = process.argv.slice(2);
// Warm, as SegmentLens's reader is in bench/runOurs.ts: the same loop over a small text first.
let warm = 0;
const small = Array.from({ length: 2000 }, (_, i) => `${i},${i / 7},-${i % 97}`).join('\n');
for (const line of small.split('\n')) for (const f of line.split(',')) warm += parseFloat(f) || 0;
const start = performance.now();
const text = await readFile(path, 'utf8');
const lines = text.split('\n');
let sum = 0;
for (let r = 1; r < lines.length; r++) {
  const fields = lines[r].split(',');
  for (let j = 0; j < fields.length; j++) sum += parseFloat(fields[j]) || 0;
}
process.stdout.write(
  JSON.stringify({
    parse_ms: Math.round(performance.now() - start),
    checksum: Math.round(sum + warm * 0),
  }) + '\n',
);
