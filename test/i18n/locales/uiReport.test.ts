import { describe, expect, it } from 'vitest';
import { uiReport as english } from '../../../src/i18n/locales/en/uiReport';
import { uiReport as chinese } from '../../../src/i18n/locales/zh/uiReport';
import { uiExports } from '../../../src/i18n/locales/en/uiExports';

// The export section's notes beside its buttons read alike: whole sentences.
describe("the report button's note", () => {
  it('is a sentence, as the note beside Download all segments is', () => {
    expect(uiExports.exportFile.allHint).toMatch(/^[A-Z].*\.$/);
    expect(english.htmlReport.hint).toMatch(/^[A-Z].*\.$/);
    expect(chinese.htmlReport.hint).toMatch(/。$/);
  });
});
