import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/common/message';
import {
  CATALOGS,
  englishText,
  formatTemplate,
  isPlainTemplate,
  MESSAGE_FORMATS,
  renderMessage,
} from '../../src/i18n/formatMessage';
import { LOCALES } from '../../src/i18n/languages';

const DAY = Date.UTC(2010, 11, 1, 8, 26);

describe('plurals', () => {
  it('say 1 row and 2 rows in English', () => {
    const rows = '{count, plural, one {# row} other {# rows}}';
    expect(formatTemplate('en', rows, { count: 1 })).toBe('1 row');
    expect(formatTemplate('en', rows, { count: 2 })).toBe('2 rows');
    expect(formatTemplate('en', rows, { count: 0 })).toBe('0 rows');
    expect(renderMessage('en', message('noteBlankLines', { count: 1 }))).toBe(
      'Skipped 1 blank line.',
    );
    expect(renderMessage('en', message('noteBlankLines', { count: 2 }))).toBe(
      'Skipped 2 blank lines.',
    );
    expect(renderMessage('en', message('rowFieldCount', { count: 1, expected: 3 }))).toBe(
      '1 field where the header has 3',
    );
  });

  it('choose words by the count without showing it', () => {
    const were = (count: number) =>
      formatTemplate('en', 'No {missing} {count, plural, one {was} other {were}} found.', {
        count,
        missing: 'date',
      });
    expect(were(1)).toBe('No date was found.');
    expect(were(2)).toBe('No date were found.');
  });

  it('have one form in Chinese, which has no singular', () => {
    expect(formatTemplate('zh', '{count, plural, one {ONE} other {OTHER}}', { count: 1 })).toBe(
      'OTHER',
    );
    expect(renderMessage('zh', message('noteBlankLines', { count: 1 }))).toBe('已跳过 1 个空行。');
    expect(renderMessage('zh', message('noteBlankLines', { count: 2 }))).toBe('已跳过 2 个空行。');
    expect(renderMessage('zh', message('rowFieldCount', { count: 1, expected: 3 }))).toBe(
      '有 1 个字段，而表头有 3 个',
    );
  });
});

describe('numbers', () => {
  it('are grouped for the language where the template formats them', () => {
    expect(renderMessage('en', message('statusRead', { rows: 1_234_567 }))).toBe(
      'Read 1,234,567 rows.',
    );
    expect(renderMessage('zh', message('statusRead', { rows: 1_234_567 }))).toBe(
      '已读取 1,234,567 行。',
    );
    // Formatted as the locale's numbers: a locale that groups otherwise would show its own.
    expect(formatTemplate('en', '{n, number}', { n: 1_234_567.5 })).toBe(
      new Intl.NumberFormat('en-GB').format(1_234_567.5),
    );
  });

  it('keep a plain placeholder as written, and round a precise one to six digits', () => {
    // An id is written as it is; a count is grouped.
    expect(renderMessage('en', message('cliNoSuchSegment', { id: 12345, last: 19999 }))).toBe(
      'There is no segment 12345: the segments are numbered 0 to 19,999.',
    );
    expect(renderMessage('en', message('tooFewRowsForK', { rows: 12345, k: 20000 }))).toBe(
      'There are 12,345 usable rows, fewer than the 20,000 segments asked for: choose at most 12,345 segments.',
    );
    expect(renderMessage('en', message('detailAbove', { column: 'x', limit: 1234567.891 }))).toBe(
      'x above 1,234,570',
    );
    expect(
      renderMessage('zh', message('detailAbove', { column: 'x', limit: 0.000123456789 })),
    ).toBe('x 高于 0.000123457');
  });

  it('say shares as percentages with one decimal at most', () => {
    const said = message('reasonDbscan', {
      clusters: 1,
      eps: 0.5,
      minPts: 5,
      noise: 12345,
      share: 0.0213,
    });
    expect(renderMessage('en', said)).toBe(
      'DBSCAN found 1 segment at eps 0.5 with 5 minimum points; 12,345 rows (2.1%) are noise.',
    );
    expect(renderMessage('zh', said)).toBe(
      'DBSCAN 在 eps 为 0.5、最小点数为 5 时找到 1 个细分群；12,345 行（2.1%）是噪声。',
    );
    expect(formatTemplate('en', '{share, number, share}', { share: 0.5 })).toBe('50%');
  });
});

describe('dates', () => {
  it('read on a UTC clock, as the core keeps them, in each language', () => {
    expect(formatTemplate('zh', '{when, date, day}', { when: DAY })).toBe('2010年12月1日');
    expect(formatTemplate('en', '{when, date, day}', { when: DAY })).toBe('1 December 2010');
    expect(renderMessage('zh', message('snapshotBeforeLastOrder', { last: DAY }))).toBe(
      '快照日期早于最后一笔订单（2010年12月1日 08:26）：请选择之后的日期，或留空以使用最后一笔订单的次日。',
    );
    expect(renderMessage('en', message('snapshotBeforeLastOrder', { last: DAY }))).toMatch(
      /\(1 December 2010 at 08:26\)/,
    );
  });

  it('keep the day of an instant near midnight UTC, whatever the machine’s time zone', () => {
    const lastMinute = Date.UTC(2010, 10, 30, 23, 59);
    const firstMinute = Date.UTC(2010, 11, 1, 0, 0);
    expect(formatTemplate('zh', '{when, date, minute}', { when: lastMinute })).toBe(
      '2010年11月30日 23:59',
    );
    expect(formatTemplate('zh', '{when, date, minute}', { when: firstMinute })).toBe(
      '2010年12月1日 00:00',
    );
    expect(MESSAGE_FORMATS.date.day.timeZone).toBe('UTC');
    expect(MESSAGE_FORMATS.date.minute.timeZone).toBe('UTC');
  });
});

describe('nested messages', () => {
  it('render a message given as a value first, in the same language', () => {
    const workbook = message('readWorkbook', { what: message('fileXlsx') });
    expect(englishText(workbook)).toMatch(/^This file is an Excel workbook \(\.xlsx\), not a CSV/);
    expect(renderMessage('zh', workbook)).toMatch(/^这个文件是 Excel 工作簿（\.xlsx），不是 CSV/);
  });

  it('render labels joined to any depth', () => {
    const high = (feature: string) => message('labelHigh', { feature });
    const label = message('labelRepeat', {
      label: message('labelJoin', {
        first: message('labelJoin', { first: high('a'), second: high('b') }),
        second: message('labelLow', { feature: 'c' }),
      }),
      count: 2,
    });
    expect(englishText(label)).toBe('High a, High b, Low c (2)');
    expect(renderMessage('zh', label)).toBe('a高，b高，c低（2）');
  });

  it('treat texts as values, never as templates: braces and quotes in user data stay', () => {
    const said = message('noColumn', { name: "{x}'s", names: "a, it's {b}, c" });
    expect(englishText(said)).toBe(
      'There is no column named "{x}\'s": choose among a, it\'s {b}, c.',
    );
    expect(renderMessage('zh', said)).toBe(
      "没有名为“{x}'s”的列：请从这些列中选择：a, it's {b}, c。",
    );
  });

  it('refuse a message whose value is missing, rather than show a placeholder', () => {
    expect(() => englishText({ key: 'noteBlankLines' })).toThrow();
    expect(() => renderMessage('zh', message('noColumn', { name: 'x' }))).toThrow();
  });
});

describe('the command line surface', () => {
  it('prefers the command line wording, which names flags instead of the page controls', () => {
    const needs = message('mappingNeedsCustomer');
    expect(renderMessage('en', needs)).toBe('Choose the column that identifies the customer.');
    expect(renderMessage('en', needs, 'page')).toBe(englishText(needs));
    expect(renderMessage('en', needs, 'cli')).toBe(
      'No customer column was recognised: name it with --customer COL.',
    );
    expect(renderMessage('zh', needs, 'cli')).toBe('没有识别出客户列：请用 --customer COL 指定。');
    expect(renderMessage('zh', needs, 'page')).toBe('请选择标识客户的列。');
  });

  it('keeps the page wording for every message without a command line wording', () => {
    const said = message('readEmptyFile');
    expect(Object.keys(CATALOGS.en.cliMessage)).not.toContain('readEmptyFile');
    expect(renderMessage('en', said, 'cli')).toBe(renderMessage('en', said, 'page'));
    expect(renderMessage('zh', said, 'cli')).toBe(renderMessage('zh', said, 'page'));
  });

  it('words a nested message for the command line too', () => {
    const said = message('pageUnexpected', {
      activity: message('activityReading', { name: 'a.csv' }),
      detail: message('mappingNeedsDate'),
    });
    expect(renderMessage('en', said, 'cli')).toMatch(/\(No order date column was recognised/);
    expect(renderMessage('en', said, 'page')).toMatch(
      /\(Choose the column that holds the order date/,
    );
  });
});

describe('formatTemplate', () => {
  it('compiles a template once per language, each in its own locale', () => {
    const template = '{when, date, day}';
    expect(formatTemplate('en', template, { when: DAY })).not.toBe(
      formatTemplate('zh', template, { when: DAY }),
    );
    expect(formatTemplate('en', template, { when: DAY })).toBe(
      formatTemplate('en', template, { when: DAY }),
    );
  });

  it('formats a template without values', () => {
    expect(formatTemplate('en', 'Plain text.')).toBe('Plain text.');
    expect(formatTemplate('zh', '纯文本。')).toBe('纯文本。');
  });
});

describe('plain templates', () => {
  const icu = (language: 'en' | 'zh', template: string) =>
    String(
      new IntlMessageFormat(template, LOCALES[language], MESSAGE_FORMATS, {
        ignoreTag: true,
      }).format({}),
    );

  /** Every string in a catalog, however deeply nested. */
  const strings = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : typeof node === 'object' && node !== null
        ? Object.values(node).flatMap(strings)
        : [];

  it('are given back as ICU gives them, for every sentence of both catalogs', () => {
    let plain = 0;
    for (const language of ['en', 'zh'] as const)
      for (const template of strings(CATALOGS[language]))
        if (isPlainTemplate(template)) {
          plain++;
          expect(formatTemplate(language, template)).toBe(icu(language, template));
        }
    // Most sentences, the segment names among them, take the short way.
    expect(plain).toBeGreaterThan(500);
    expect(isPlainTemplate(CATALOGS.en.message.rfmCantLoseThem)).toBe(true);
  });

  it('are given back as ICU gives them, whatever the apostrophes, brackets and hashes', () => {
    const piece = fc.constantFrom("'", "''", '#', '<', '>', '<b>', '|', 'a', ' ', '了', '{', '}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const template = pieces.join('');
        if (!isPlainTemplate(template)) return;
        expect(formatTemplate('en', template)).toBe(icu('en', template));
      }),
      { numRuns: 3000 },
    );
  });

  it('leave quoting to ICU', () => {
    expect(isPlainTemplate("'{'")).toBe(false);
    expect(isPlainTemplate("It''s")).toBe(false);
    expect(formatTemplate('en', "It''s")).toBe("It's");
    expect(formatTemplate('en', "'<b>'")).toBe('<b>');
  });
});
