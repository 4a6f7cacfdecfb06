import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/common/message';
import { isUserError } from '../../src/core/common/userError';
import {
  createVoice,
  displayWidth,
  languageFromArgs,
  padDisplay,
  textTable,
} from '../../src/cli/voice';

function refusalOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('languageFromArgs', () => {
  it('takes --lang or --lang= anywhere on the line, and leaves the other arguments in order', () => {
    expect(languageFromArgs(['--lang', 'zh', 'analyze', 'a.csv', '--json'], {})).toEqual({
      language: 'zh',
      rest: ['analyze', 'a.csv', '--json'],
    });
    expect(languageFromArgs(['rfm', 'a.csv', '--lang=en', '--k', '3'], { LANG: 'zh_CN' })).toEqual({
      language: 'en',
      rest: ['rfm', 'a.csv', '--k', '3'],
    });
  });

  it('falls back to LC_ALL, then LC_MESSAGES, then LANG, then English', () => {
    const language = (env: Record<string, string | undefined>) =>
      languageFromArgs(['analyze'], env).language;
    expect(language({})).toBe('en');
    expect(language({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(language({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(language({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(language({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN', LC_ALL: 'C' })).toBe('en');
    // An empty variable counts as unset.
    expect(language({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh');
    expect(languageFromArgs(['--lang', 'en'], { LC_ALL: 'zh_CN.UTF-8' }).language).toBe('en');
  });

  it('refuses a language it does not speak, or --lang without one, naming the choices', () => {
    const unknown = refusalOf(() => languageFromArgs(['--lang', 'xx', 'analyze'], {}));
    expect(unknown.code).toBe('bad-option');
    expect(unknown.sentence).toEqual(
      message('cliChoice', { name: 'lang', choices: 'en, zh', value: 'xx' }),
    );
    expect(unknown.message).toBe('--lang must be one of en, zh, not "xx".');
    expect(refusalOf(() => languageFromArgs(['analyze', '--lang'], {})).sentence).toEqual(
      message('cliChoice', { name: 'lang', choices: 'en, zh', value: '' }),
    );
    expect(refusalOf(() => languageFromArgs(['--lang=zh-CN'], {})).message).toMatch(/"zh-CN"/);
  });
});

describe('createVoice', () => {
  it('says core messages in the command line wording, in its language', () => {
    const needs = message('mappingNeedsDate');
    expect(createVoice('en').say(needs)).toBe(
      'No order date column was recognised: name it with --date COL.',
    );
    expect(createVoice('zh').say(needs)).toBe('没有识别出订单日期列：请用 --date COL 指定。');
  });

  it('says its own lines and lists in its language', () => {
    expect(createVoice('en').text('segments', { k: 3 })).toBe('Segments (k = 3):');
    expect(createVoice('zh').text('segments', { k: 3 })).toBe('细分群（k = 3）：');
    expect(createVoice('en').list(['a', 'b', 'c'])).toBe('a, b, c');
    expect(createVoice('zh').list(['a', 'b', 'c'])).toBe('a，b，c');
    expect(createVoice('zh').list([])).toBe('');
    expect(createVoice('zh').language).toBe('zh');
  });
});

describe('displayWidth and padDisplay', () => {
  it('count a Chinese character or full-width sign as two columns, the rest as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('abc 1.5%')).toBe(8);
    expect(displayWidth('细分群')).toBe(6);
    expect(displayWidth('（k）')).toBe(5);
    expect(displayWidth('Zoë')).toBe(3);
  });

  it('pad to a width in columns, on the left or the right, and never cut', () => {
    expect(padDisplay('客户', 6)).toBe('客户  ');
    expect(padDisplay('客户', 6, true)).toBe('  客户');
    expect(padDisplay('customers', 4)).toBe('customers');
  });
});

describe('textTable', () => {
  it('lines the columns up in terminal columns, Chinese headers included', () => {
    const lines = textTable(
      ['细分群', '客户数', '占比'],
      [
        ['重要价值客户', '12', '10.0%'],
        ['Other', '1234', '90.0%'],
      ],
      [false, true, true],
    );
    expect(lines).toEqual([
      '  细分群        客户数   占比',
      '  重要价值客户      12  10.0%',
      '  Other           1234  90.0%',
    ]);
    // Every line ends at the same column.
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('trims the padding after a last column aligned left', () => {
    expect(textTable(['a', 'b'], [['x', 'long text']], [false, false])).toEqual([
      '  a  b',
      '  x  long text',
    ]);
  });
});
