import { describe, expect, it } from 'vitest';
import { escapeHtml, userText } from '../../../src/core/report/htmlText';

describe('escapeHtml', () => {
  it('turns every character markup gives meaning to into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('replaces control characters HTML does not allow, keeps tabs, newlines and all other text', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\u202Ef中文')).toBe('a\uFFFDb\uFFFDc\td\ne\u202Ef中文');
  });
});

describe('userText', () => {
  it('isolates a value from the direction of the text around it', () => {
    expect(userText('\u202Eevil<')).toBe('<bdi>\u202Eevil&lt;</bdi>');
  });
});
