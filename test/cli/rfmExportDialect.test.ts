import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrderShapeCsv, ORDER_SHAPES } from '../../scripts/generators/orderShapes';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { runCommand } from '../support/runCommand';

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-rfm-dialect-'));
  file = join(dir, 'buchungen.csv');
  // A German account export (semicolons, decimal commas) with one unreadable date.
  const lines = generateOrderShapeCsv(ORDER_SHAPES.german, { seed: 4, customers: 40 }).split('\n');
  lines.splice(2, 0, lines[1].replace(/\d\d\.\d\d\.\d{4}/, 'unbekannt'));
  await writeFile(file, lines.join('\n'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exportsOf = async (out: string) => ({
  rfm: await readFile(join(out, 'rfm.csv'), 'utf8'),
  setAside: await readFile(join(out, 'set-aside.csv'), 'utf8'),
});

describe('segmentlens rfm --export-dialect', () => {
  it('writes standard CSV by default, and the input’s semicolons and decimal commas on request', async () => {
    const standardDir = join(dir, 'standard');
    const first = await runCommand(rfmCommand, [
      file,
      '--k',
      '2',
      '--n-init',
      '1',
      '--out',
      standardDir,
    ]);
    expect(first.stderr).toBe('');
    const standard = await exportsOf(standardDir);
    expect(standard.rfm.startsWith('\uFEFFcustomer,recency,frequency,monetary,')).toBe(true);
    expect(standard.setAside).toMatch(/^\uFEFFline,reason,detail,/);

    const inputDir = join(dir, 'input');
    const second = await runCommand(rfmCommand, [
      file,
      '--k',
      '2',
      '--n-init',
      '1',
      '--out',
      inputDir,
      '--export-dialect',
      'input',
    ]);
    expect(second.stderr).toBe('');
    const input = await exportsOf(inputDir);
    expect(
      input.rfm.startsWith(
        '\uFEFFcustomer;recency;frequency;monetary;R;F;M;segment;cluster;cluster_label\r\n',
      ),
    ).toBe(true);
    // The same figures, each decimal point a comma, and the same cluster names (the last field,
    // quoted where its commas would split it).
    const rows = (text: string) => text.split('\r\n').slice(1, -1);
    const split = (row: string, delimiter: string) => {
      const last = new RegExp(`${delimiter}("(?:[^"]|"")*"|[^${delimiter}"]*)$`).exec(row)!;
      const name = last[1].startsWith('"') ? last[1].slice(1, -1).replaceAll('""', '"') : last[1];
      return { figures: row.slice(0, last.index), name };
    };
    const inputRows = rows(input.rfm).map((row) => split(row, ';'));
    const standardRows = rows(standard.rfm).map((row) => split(row, ','));
    expect(inputRows.map((row) => row.figures.replaceAll(',', '.').replaceAll(';', ','))).toEqual(
      standardRows.map((row) => row.figures),
    );
    expect(inputRows.map((row) => row.name)).toEqual(standardRows.map((row) => row.name));
    expect(standardRows.some((row) => row.name.includes(','))).toBe(true);
    expect(input.rfm).toMatch(/;\d+,\d+;/);
    expect(input.setAside).toMatch(/^\uFEFFline;reason;detail;Belegnummer;Datum;/);
    expect(input.setAside).toMatch(/\r\n3;unreadable_date;[^\r]*;unbekannt;[^\r]*;\d+,\d\d;/);
  });

  it('refuses a dialect it does not know, in one line', async () => {
    const run = await runCommand(rfmCommand, [
      file,
      '--out',
      join(dir, 'x'),
      '--export-dialect',
      'excel',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--export-dialect/);
    expect(run.stderr).toMatch(/excel/);
    expect(run.stderr).toMatch(/standard/);
  });
});
