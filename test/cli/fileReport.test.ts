import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customersWorkbook,
  transactionsParquetColumns,
  transactionsWorkbook,
  writeParquet,
  writeXlsx,
} from '../../scripts/generators/workbooks';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { isUserError } from '../../src/core/common/userError';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { fileReadJson, sheetLine } from '../../src/cli/fileReport';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { createVoice } from '../../src/cli/voice';
import { runMain } from '../support/runCommand';

/** A command's output, written to buffers instead of the process's streams. */
async function run(command: typeof analyzeCommand, argv: string[], language: 'en' | 'zh' = 'en') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await command(argv, io, createVoice(language));
  return { code, stdout, stderr };
}

const FAST = ['--n-init', '2', '--k-max', '4'];
let dir: string;
let workbook: string;
let parquet: string;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-workbooks-'));
  workbook = join(dir, 'shop.xlsx');
  await writeFile(
    workbook,
    writeXlsx({
      sheets: [...customersWorkbook(120).sheets, ...transactionsWorkbook(60, 'date-cell').sheets],
    }),
  );
  parquet = join(dir, 'orders.parquet');
  await writeFile(parquet, writeParquet(transactionsParquetColumns(60)));
  csv = join(dir, 'orders.csv');
  await writeFile(csv, generateTransactionsCsv({ customers: 60, seed: 1 }));
});

describe('reading workbooks and Parquet files on the command line', () => {
  it('analyzes the first sheet by default and says which of the sheets it read', async () => {
    const { code, stdout } = await run(analyzeCommand, [workbook, ...FAST]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'Read sheet "Customers" of 2 ("Customers", "Orders"); choose another with --sheet NAME.',
    );
    expect(lines[1]).toMatch(/shop\.xlsx: 120 rows read/);
    // Said once, at the top: not again among the notes.
    expect(stdout.match(/Customers/g)).toHaveLength(2);
  });

  it('reads the sheet named with --sheet, and says so in JSON', async () => {
    const { stdout } = await run(rfmCommand, [workbook, '--sheet', 'Orders', '--json', ...FAST]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      format: 'xlsx',
      sheet: 'Orders',
      sheets: ['Customers', 'Orders'],
    });
    // The same RFM as the CSV the sheet was written from.
    const fromCsv = JSON.parse((await run(rfmCommand, [csv, '--json', ...FAST])).stdout);
    expect(fromCsv).toMatchObject({ format: 'csv', sheet: null, sheets: null });
    expect(result.rows).toEqual(fromCsv.rows);
    expect(result.customers).toBe(fromCsv.customers);
    expect(result.segments).toEqual(fromCsv.segments);
  });

  it('names the other sheets after a refusal of what the first sheet holds', async () => {
    const notes = join(dir, 'notes-first.xlsx');
    await writeFile(
      notes,
      writeXlsx({
        sheets: [
          { name: 'Read me', rows: [['Notes'], ['The customers are on the next sheet']] },
          ...customersWorkbook(60).sheets,
        ],
      }),
    );
    for (const [language, sheetsLine] of [
      [
        'en',
        'segmentlens: Read sheet "Read me" of 2 ("Read me", "Customers"); choose another with --sheet NAME.',
      ],
      [
        'zh',
        'segmentlens: 读取的是工作表“Read me”（共 2 个："Read me"，"Customers"）；可用 --sheet 名称 选择其他工作表。',
      ],
    ] as const) {
      const { code, stderr } = await runMain(['analyze', notes, '--lang', language]);
      expect(code).toBe(2);
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^segmentlens: .*(only one row|只有一行)/);
      expect(lines[1]).toBe(sheetsLine);
    }
    // A CSV refused so, read after the workbook, has no sheet line: one line.
    const words = join(dir, 'words.csv');
    await writeFile(words, 'name,city\nAnn,Paris\nBob,Rome\nCy,Oslo\n');
    const { code, stderr } = await runMain(['analyze', words]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a sheet the workbook does not have, in the language asked for', async () => {
    for (const [language, sentence] of [
      ['en', 'There is no sheet named "Returns": choose among "Customers", "Orders".'],
      ['zh', '没有名为“Returns”的工作表：请从这些工作表中选择："Customers", "Orders"。'],
    ] as const) {
      const error = await run(rfmCommand, [workbook, '--sheet', 'Returns'], language).catch(
        (e: unknown) => e,
      );
      expect(isUserError(error) && error.code).toBe('bad-option');
      expect(isUserError(error) && createVoice(language).say(error.sentence)).toBe(sentence);
    }
  });

  it('refuses --sheet on a file without sheets instead of ignoring it', async () => {
    for (const [file, what] of [
      [csv, 'CSV'],
      [parquet, 'Parquet'],
    ] as const) {
      const error = await run(rfmCommand, [file, '--sheet', 'Orders']).catch((e: unknown) => e);
      expect(isUserError(error) && createVoice('en').say(error.sentence)).toBe(
        `--sheet picks a sheet of an Excel workbook, and ${file} is a ${what} file: leave --sheet out.`,
      );
    }
  });

  it('reads a Parquet file, in Chinese too, with no sheet line', async () => {
    const { code, stdout } = await run(rfmCommand, [parquet, ...FAST], 'zh');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/orders\.parquet：读取 [\d,]+ 条订单行/);
    expect(stdout).not.toMatch(/工作表/);
    const json = JSON.parse((await run(rfmCommand, [parquet, '--json', ...FAST], 'zh')).stdout);
    expect(json).toMatchObject({ format: 'parquet', sheet: null, sheets: null });
    // The order lines of the Parquet file are those of the CSV: the same RFM.
    const fromCsv = JSON.parse((await run(rfmCommand, [csv, '--json', ...FAST], 'zh')).stdout);
    expect(json.rows).toEqual(fromCsv.rows);
    expect(json.segments).toEqual(fromCsv.segments);
  });

  it('says which sheet was read in Chinese', () => {
    const read = { format: 'xlsx' as const, sheets: ['说明', '客户数据'], sheet: '客户数据' };
    expect(sheetLine(read, createVoice('zh'))).toBe(
      '读取的是工作表“客户数据”（共 2 个："说明"，"客户数据"）；可用 --sheet 名称 选择其他工作表。\n',
    );
    expect(sheetLine({ ...read, sheets: ['客户数据'] }, createVoice('zh'))).toBe('');
    expect(fileReadJson(read)).toEqual({ format: 'xlsx', sheet: '客户数据', sheets: read.sheets });
  });
});
