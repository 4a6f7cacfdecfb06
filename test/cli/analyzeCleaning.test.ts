import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { bankMarketingCsv } from '../support/bankMarketing';
import { runCommand } from '../support/cliRun';

/** segmentlens analyze on a bank-marketing look-alike: what cleaning changed, column by column. */
let dir: string;
let bank: string;
const QUICK = [
  '--features',
  'age,duration,campaign,pdays',
  '--k',
  '3',
  '--k-max',
  '3',
  '--n-init',
  '2',
];
const text = bankMarketingCsv(1500);
const pdays = text
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[4]));
const coded = pdays.filter((v) => v === 999).length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-clipping-'));
  bank = join(dir, 'bank.csv');
  await writeFile(bank, text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('analyze reports what cleaning changed', () => {
  it('names the code it found and the flag that treats it as missing, and leaves pdays unclipped', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [bank, ...QUICK]);
    expect(code).toBe(0);
    const share = ((coded / 1500) * 100).toFixed(1);
    expect(stdout).toContain(
      `pdays: 999 fills ${share}% of the values, far from the others (0 to 27); it looks like a code for “no value” rather than a measurement, so the outliers of pdays were left as they are. If it is one, add --missing-code "pdays=999".`,
    );
    expect(stdout).toMatch(/^Cleaning:$/m);
    expect(stdout).toMatch(
      /^ {2}duration: [\d,]+ values clipped to 0 – [\d,.]+ \(0 below, [\d,]+ above\)$/m,
    );
    expect(stdout).not.toMatch(/^ {2}pdays: .* clipped/m);
  });

  it('--missing-code and --missing-by: the coded cells counted, filled, in text and JSON', async () => {
    const flags = [bank, ...QUICK, '--missing-code', 'pdays=999', '--missing-by', 'pdays=median'];
    const text = await runCommand(analyzeCommand, flags);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `  pdays: ${coded.toLocaleString('en')} values of 999 treated as missing`,
    );
    expect(text.stdout).toMatch(
      new RegExp(
        `^ {2}pdays: ${coded.toLocaleString('en')} missing values filled with [\\d.]+ \\(median\\)$`,
        'm',
      ),
    );
    expect(text.stdout).not.toContain('--missing-code "pdays=999"');

    const json = await runCommand(analyzeCommand, [...flags, '--json']);
    const { cleaning, rows } = JSON.parse(json.stdout) as {
      cleaning: {
        missingCodes: unknown[];
        imputed: { column: string; count: number }[];
        clipped: { column: string; count: number; below: number; above: number; low: number }[];
        sentinels: unknown[];
      };
      rows: { kept: number };
    };
    expect(rows.kept).toBe(1500);
    expect(cleaning.missingCodes).toEqual([{ column: 'pdays', value: 999, count: coded }]);
    expect(cleaning.imputed).toEqual([
      expect.objectContaining({ column: 'pdays', strategy: 'median', count: coded }),
    ]);
    expect(cleaning.sentinels).toEqual([]);
    const duration = cleaning.clipped.find((c) => c.column === 'duration')!;
    expect(duration.below).toBe(0);
    expect(duration.low).toBe(0);
    expect(duration.count).toBe(duration.above);
  });

  it('--json lists the code found, with its count and share, when it is not treated as missing', async () => {
    const { stdout } = await runCommand(analyzeCommand, [bank, ...QUICK, '--json']);
    const { cleaning } = JSON.parse(stdout) as { cleaning: { sentinels: unknown[] } };
    expect(cleaning.sentinels).toEqual([
      { column: 'pdays', value: 999, count: coded, share: coded / 1500, otherValues: [0, 27] },
    ]);
  });

  it('says it in Chinese', async () => {
    const { stdout } = await runCommand(analyzeCommand, [bank, ...QUICK], 'zh');
    expect(stdout).toMatch(/^清洗：$/m);
    expect(stdout).toContain('如果是，请加上 --missing-code "pdays=999"。');
    expect(stdout).toMatch(
      /^ {2}duration：[\d,]+ 个值已截断到 0 – [\d,.]+（低于下限 0 个，高于上限 [\d,]+ 个）$/m,
    );
  });

  it('a code it cannot read exits 2 with one line', async () => {
    const { code, stderr } = await runCommand(analyzeCommand, [bank, '--missing-code', 'pdays']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('segmentlens analyze: a filled mean', () => {
  it('reads with six significant digits in the text report, and every digit in JSON', async () => {
    const path = join(dir, 'thirds.csv');
    // Spend 1, 2, 2 and a gap, over and over: a mean of 5/3.
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i},${['1', '2', '2', ''][i % 4]},${i % 5}`,
    );
    await writeFile(path, ['id,spend,visits', ...rows].join('\n'));
    const flags = [path, '--k', '2', '--k-max', '3', '--n-init', '2', '--missing', 'mean'];
    const text = await runCommand(analyzeCommand, flags);
    expect(text.stdout).toContain('  spend: 10 missing values filled with 1.66667 (mean)\n');
    const json = await runCommand(analyzeCommand, [...flags, '--json']);
    expect(JSON.parse(json.stdout).cleaning.imputed[0].value).toBe(5 / 3);
  });
});

describe('segmentlens analyze --fill-value', () => {
  const HOLES = [
    'id,spend,visits',
    ...Array.from({ length: 60 }, (_, i) =>
      i % 10 === 3 ? `${i},,${i % 7}` : `${i},${(i * 37) % 101},${i % 7}`,
    ),
  ].join('\n');

  it('fills with the number given, a negative one after a space too, in text and JSON', async () => {
    const path = join(dir, 'holes.csv');
    await writeFile(path, HOLES);
    const flags = [path, '--k', '2', '--k-max', '3', '--n-init', '2', '--missing', 'constant'];
    const text = await runCommand(analyzeCommand, [...flags, '--fill-value', '-1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  spend: 6 missing values filled with -1 (constant)\n');
    const json = await runCommand(analyzeCommand, [...flags, '--fill-value', '42.5', '--json']);
    expect(JSON.parse(json.stdout).cleaning.imputed).toEqual([
      { column: 'spend', strategy: 'constant', count: 6, value: 42.5 },
    ]);
    const zh = await runCommand(analyzeCommand, [...flags, '--fill-value', 'zero'], 'zh');
    expect(zh).toMatchObject({
      code: 2,
      stderr: '--fill-value 必须是数字，例如 0 或 -1，而不是“zero”。\n',
    });
  });
});
