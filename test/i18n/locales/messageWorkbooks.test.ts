import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { cliMessage as englishCli } from '../../../src/i18n/locales/en/cliMessage';
import { messageWorkbooks as english } from '../../../src/i18n/locales/en/messageWorkbooks';
import { cliMessage as chineseCli } from '../../../src/i18n/locales/zh/cliMessage';
import { messageWorkbooks as chinese } from '../../../src/i18n/locales/zh/messageWorkbooks';

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The names of a template's arguments, nested ones included. */
function argumentsOf(template: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // Literal (0) and # (7) carry no argument name.
      if (element.type !== 0 && element.type !== 7 && element.value !== undefined)
        names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

const keys = Object.keys(english) as (keyof typeof english)[];

describe('the workbook and Parquet readers catalog', () => {
  it('has every key in both languages, with the same arguments', () => {
    expect(Object.keys(chinese).sort()).toEqual([...keys].sort());
    for (const key of keys)
      expect(argumentsOf(chinese[key], 'zh-CN'), key).toEqual(argumentsOf(english[key], 'en'));
  });

  it('words the size limits for the command line with the same arguments', () => {
    const limits = ['workbookTooLarge', 'sheetTooManyCells', 'sheetSpansTooManyCells'] as const;
    for (const key of limits) {
      expect(argumentsOf(englishCli[key], 'en'), key).toEqual(argumentsOf(english[key], 'en'));
      expect(argumentsOf(chineseCli[key], 'zh-CN'), key).toEqual(argumentsOf(english[key], 'en'));
    }
    const tooMany = message('sheetTooManyCells', { cells: 200, most: 100 });
    expect(renderMessage('en', tooMany, 'page')).toMatch(/with the command line/);
    expect(renderMessage('en', tooMany, 'cli')).toBe(
      'This sheet has 200 cells, more than the 100 that can be read from a workbook: save it as CSV and give the CSV instead.',
    );
  });

  it('names what a refused file is after the space the Chinese sentence leaves for it', () => {
    // "这个文件是 {what}" spaces a Latin word off; a Chinese word after that space reads as a gap.
    const kinds = [
      'fileOds',
      'fileOdt',
      'fileOdp',
      'fileOpenDocument',
      'fileXlsb',
      'fileDocx',
      'filePptx',
      'fileDoc',
      'filePpt',
      'fileZip',
      'fileDamagedZip',
      'fileLockedWorkbook',
      'fileDamagedXls',
      'fileOfficeOther',
    ] as const;
    for (const what of kinds) {
      const refused = message('readRefused', {
        what: message(what),
        action: message('actionChooseTable'),
      });
      expect(renderMessage('zh', refused), what).not.toMatch(/是 [\u4e00-\u9fff]/u);
    }
    const damaged = message('readRefused', {
      what: message('fileDamagedZip'),
      action: message('actionChooseTable'),
    });
    expect(renderMessage('zh', damaged)).toBe(
      '这个文件是 zip 压缩包（已损坏），不是 CSV、Excel 工作簿或 Parquet 文件：请改选 CSV、.xlsx 或 Parquet 文件。',
    );
  });

  it('says counts in the right form in each language', () => {
    const one = message('noteSheets', { count: 1, names: '"A"', sheet: 'A' });
    const two = message('noteSheets', { count: 2, names: '"A", "B"', sheet: 'B' });
    expect(renderMessage('en', one)).toBe('This workbook has 1 sheet ("A"); this is sheet "A".');
    expect(renderMessage('en', two)).toBe(
      'This workbook has 2 sheets ("A", "B"); this is sheet "B".',
    );
    expect(renderMessage('zh', two)).toBe('这个工作簿有 2 个工作表（"A", "B"）；当前是工作表“B”。');
    const errors = (count: number) => message('rowSpreadsheetErrors', { count, code: '#N/A' });
    expect(renderMessage('zh', errors(1))).toBe(
      '有一个单元格含有电子表格错误（#N/A），按缺失值处理',
    );
    expect(renderMessage('zh', errors(3))).toBe(
      '有 3 个单元格含有电子表格错误（#N/A 等），按缺失值处理',
    );
    expect(
      renderMessage('en', message('sheetTooManyCells', { cells: 123_456_789, most: 100_000_000 })),
    ).toMatch(/^This sheet has 123,456,789 cells, more than the 100,000,000 /);
  });

  it('names what a file is inside the refusal, in the language of the sentence', () => {
    const refusal = message('readRefused', {
      what: message('fileOds'),
      action: message('actionSaveAsXlsx'),
    });
    expect(renderMessage('en', refusal)).toBe(
      'This file is an OpenDocument spreadsheet (.ods), not a CSV, Excel workbook or Parquet file: open it in Excel or LibreOffice and save it as .xlsx or CSV, then choose that file.',
    );
    expect(renderMessage('zh', refusal)).toBe(
      '这个文件是 OpenDocument 电子表格（.ods），不是 CSV、Excel 工作簿或 Parquet 文件：请用 Excel 或 LibreOffice 打开它，另存为 .xlsx 或 CSV，再选择那个文件。',
    );
  });
});
