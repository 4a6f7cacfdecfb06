import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { reportExport } from '../../../src/core/report/reportExport';
import { AnalysisSession } from '../../../src/core/session/session';
import { UserError } from '../../../src/core/common/userError';
import { englishText } from '../../../src/i18n/formatMessage';
import { customersCsv, quickOptions } from '../../support/sessionData';

describe('reportExport', () => {
  it('names the file and the report by the file, not its folder, and refuses a k not computed', async () => {
    const session = await AnalysisSession.open(textSource(customersCsv), 'data/shop.csv', {});
    const segmentation = { options: quickOptions(), rfm: null };
    const { parts, fileName } = await reportExport(
      session,
      { segmentation, k: null, rfm: null },
      englishText,
    );
    expect(fileName).toMatch(/ - report\.html$/);
    const html = parts.join('');
    expect(html).toContain('\u2068shop.csv\u2069');
    expect(html).not.toContain('data/shop.csv');
    await expect(
      reportExport(session, { segmentation, k: 99, rfm: null }, englishText),
    ).rejects.toBeInstanceOf(UserError);
  });
});
