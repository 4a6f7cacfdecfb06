import { describe, expect, it } from 'vitest';
import {
  attribute,
  attributes,
  decodeCellText,
  decodeXml,
  stringItemText,
} from '../../../src/core/read/xmlText';

describe('attributes', () => {
  it('reads double- and single-quoted attributes, decoded, by their full names', () => {
    const tag = `<sheet name="Q&amp;A" sheetId='2' r:id="rId2"/>`;
    expect([...attributes(tag)]).toEqual([
      ['name', 'Q&A'],
      ['sheetId', '2'],
      ['r:id', 'rId2'],
    ]);
    expect(attribute(tag, 'id')).toBe('rId2');
    expect(attribute(tag, 'sheetId')).toBe('2');
    expect(attribute(tag, 'state')).toBeUndefined();
  });
});

describe('decodeXml and decodeCellText', () => {
  it('decodes entities and character references', () => {
    expect(decodeXml('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587;')).toBe(
      `a <b> & "c" 'd' 中文`,
    );
    expect(decodeXml('&unknown; stays')).toBe('&unknown; stays');
    expect(decodeXml('no entities')).toBe('no entities');
  });

  it("decodes SpreadsheetML's _xHHHH_ escapes, the escaped underscore last", () => {
    expect(decodeCellText('line_x000D_\nbreak')).toBe('line\r\nbreak');
    expect(decodeCellText('keep_x005F_x0041_')).toBe('keep_x0041_');
  });
});

describe('stringItemText', () => {
  it('joins rich-text runs and leaves out phonetic runs', () => {
    expect(stringItemText('<t>plain</t>')).toBe('plain');
    expect(
      stringItemText(
        '<r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and more</t></r>',
      ),
    ).toBe('bold and more');
    expect(stringItemText('<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>')).toBe('東京');
    expect(stringItemText('<x:t>prefixed</x:t>', 'x:')).toBe('prefixed');
    expect(stringItemText('<t/>')).toBe('');
  });
});
