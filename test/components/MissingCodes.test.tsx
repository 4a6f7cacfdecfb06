import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { bankMarketingCsv } from '../support/bankMarketing';
import { readPage, settled, untranslated } from '../support/page';

const ROWS = 1200;
const text = bankMarketingCsv(ROWS);
const pdays = text
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[4]));
const coded = pdays.filter((v) => v === 999).length;
const share = `${((coded / ROWS) * 100).toFixed(1)}%`;
const grouped = (n: number) => n.toLocaleString('en');

const count = (cell: string | undefined) => Number((cell ?? '').replace(/,/g, ''));

/** The cleaning report's figures, by row header. */
function cleaningReport(caption: string): Record<string, number> {
  return Object.fromEntries(
    within(screen.getByRole('table', { name: caption }))
      .getAllByRole('row')
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        count(within(row).getByRole('cell').textContent ?? ''),
      ]),
  );
}

/** The cleaning report's lines (fills, codes, clips, notes), as read. */
function reportLines(caption: string): string[] {
  const report = screen.getByRole('table', { name: caption }).closest('.cleaning-report')!;
  return within(report as HTMLElement)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe(
  'codes for no value and clipping in the cleaning panel and report',
  { timeout: 300_000 },
  () => {
    it('offers 999 in pdays unticked, treats it as missing when ticked, and says per column what changed, in English and Chinese', async () => {
      const user = userEvent.setup();
      render(<App />);
      await user.upload(
        screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
        new File([text], 'bank.csv', { type: 'text/csv' }),
      );
      await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
      await settled();
      const caption = 'Rows read, analysed and set aside';

      const offered = screen.getByRole('checkbox', {
        name: `999 in pdays means no value (${share} of its values; the others 0 – 27)`,
      });
      expect(offered).not.toBeChecked();
      // Left as a value, 999 keeps pdays from being clipped; duration is never clipped below 0.
      let lines = reportLines(caption);
      expect(lines.filter((line) => /^pdays: .*clipped/.test(line))).toEqual([]);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^duration: [\d,]+ values clipped to 0 – [\d,.]+ \(0 below, [\d,]+ above\)$/,
          ),
          expect.stringMatching(
            /^pdays: 999 fills .* so the outliers of pdays were left as they are/,
          ),
        ]),
      );

      await user.click(offered);
      await waitFor(() => expect(cleaningReport(caption)['Rows set aside']).toBe(coded), {
        timeout: 120_000,
      });
      expect(reportLines(caption)).toContain(
        `pdays: ${grouped(coded)} values of 999 treated as missing`,
      );
      expect(screen.getByRole('checkbox', { name: '999 in pdays means no value' })).toBeChecked();

      await user.selectOptions(
        screen.getByRole('combobox', { name: 'Cells of pdays with no value' }),
        'median',
      );
      await waitFor(() => expect(cleaningReport(caption)['Rows analysed']).toBe(ROWS), {
        timeout: 120_000,
      });
      await settled();
      lines = reportLines(caption);
      expect(lines).toContain(`pdays: ${grouped(coded)} values of 999 treated as missing`);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^pdays: ${grouped(coded)} missing values filled with [\\d.]+ \\(median\\)$`,
            ),
          ),
        ]),
      );

      // The column's own constant: the box that sets it shows, though the rest are set aside.
      expect(screen.queryByRole('spinbutton', { name: 'Constant for missing values' })).toBeNull();
      await user.selectOptions(
        screen.getByRole('combobox', { name: 'Cells of pdays with no value' }),
        'constant',
      );
      const constant = screen.getByRole('spinbutton', { name: 'Constant for missing values' });
      await user.clear(constant);
      await user.type(constant, '-1');
      await waitFor(
        () =>
          expect(reportLines(caption)).toContain(
            `pdays: ${grouped(coded)} missing values filled with -1 (constant)`,
          ),
        { timeout: 120_000 },
      );
      await user.selectOptions(
        screen.getByRole('combobox', { name: 'Cells of pdays with no value' }),
        'median',
      );
      await waitFor(() => expect(reportLines(caption)).toEqual(lines), { timeout: 120_000 });
      await settled();

      await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
      expect(cleaningReport('读取、分析和排除的行数')['分析的行']).toBe(ROWS);
      expect(screen.getByRole('checkbox', { name: 'pdays 中的 999 表示无值' })).toBeChecked();
      expect(screen.getByRole('combobox', { name: 'pdays 中无值的单元格' })).toHaveValue('median');
      const zhLines = within(document.querySelector('.cleaning-report') as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent ?? '');
      expect(zhLines).toContain(`pdays：${grouped(coded)} 个 999 视为缺失值`);
      expect(zhLines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^duration：[\d,]+ 个值已截断到 0 – [\d,.]+（低于下限 0 个，高于上限 [\d,]+ 个）$/,
          ),
        ]),
      );
      expect(untranslated(readPage(document))).toEqual([]);
    });
  },
);
