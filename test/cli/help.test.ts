import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help';
import { LANGUAGES } from '../../src/i18n/languages';
import { cliHelp as english, type CliHelpKey } from '../../src/i18n/locales/en/cliHelp';
import { cliHelp as chinese } from '../../src/i18n/locales/zh/cliHelp';

describe('helpText', () => {
  it("fills the shared option lines into a command's help, in its language", () => {
    for (const language of LANGUAGES) {
      const help = language === 'en' ? english : chinese;
      const apply = helpText(language, 'apply');
      expect(apply).toContain(help.read);
      expect(apply).toContain(help.json);
      expect(apply).not.toMatch(/\{\w+\}/);
    }
  });

  it('gives a command its own lines for --item and --snapshot inside the order-line flags', () => {
    const rules = helpText('en', 'rules', {
      item: 'rulesItem',
      values: { minConfidence: 0.3, maxItemsetLength: 30, maxLen: 3 },
    });
    expect(rules).toContain(english.rulesItem);
    expect(rules).not.toContain(english.mappingItem);
    expect(rules).toContain(english.mappingSnapshot);
    expect(rules).toContain('(default 0.3)');
    const value = helpText('zh', 'value', { snapshot: 'valueSnapshot' });
    expect(value).toContain(chinese.valueSnapshot);
    expect(value).toContain(chinese.mappingItem);
  });

  it('refuses to print a part that nothing fills in', () => {
    expect(() => helpText('en', 'rules')).toThrow(/\{minConfidence\}/);
  });

  it('has every text in both languages, naming the same parts', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    const parts = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const key of Object.keys(english) as CliHelpKey[])
      expect(parts(chinese[key])).toEqual(parts(english[key]));
  });
});
