import { describe, expect, it } from 'vitest';
import { REPORT_STYLE } from '../../../src/core/report/reportStyle';

describe('REPORT_STYLE', () => {
  it('needs nothing from outside the document, and lays out for print and for a phone', () => {
    expect(REPORT_STYLE).not.toMatch(/url\(|@import|https?:/i);
    expect(REPORT_STYLE).toMatch(/@media print/);
    expect(REPORT_STYLE).toMatch(/@media \(max-width/);
    // Balanced braces: a stray one would silently drop the rules after it.
    const open = (REPORT_STYLE.match(/\{/g) ?? []).length;
    expect((REPORT_STYLE.match(/\}/g) ?? []).length).toBe(open);
  });
});
