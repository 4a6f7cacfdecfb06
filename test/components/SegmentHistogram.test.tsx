import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../scripts/generators/telecom';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';

const csv = generateTelecomCsv({ rows: 600, seed: 18 });

async function showTenure(language: 'en' | 'zh') {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(
    screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
    new File([csv], 'telecom.csv', { type: 'text/csv' }),
  );
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  if (language === 'zh')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
  const figure = await screen.findByRole('figure', {
    name: language === 'en' ? 'Spread of a column per segment' : '各细分群中某列的分布',
  });
  await user.selectOptions(within(figure).getByRole('combobox'), 'tenure');
  await user.click(
    within(figure).getByRole('button', { name: language === 'en' ? 'Show spread' : '显示分布' }),
  );
  await expect
    .poll(() => figure.querySelectorAll('svg.box-plot').length, { timeout: 60_000 })
    .toBe(1);
  return { user, figure };
}

describe('the histogram of a column per segment', { timeout: 240_000 }, () => {
  it('switches from the box plot to one histogram per segment, with its counts in a table', async () => {
    const { user, figure } = await showTenure('en');
    const view = within(figure).getByRole('radiogroup', { name: 'Chart' });
    expect(within(view).getByRole('radio', { name: 'Box plot' })).toBeChecked();
    await user.click(within(view).getByRole('radio', { name: 'Histogram' }));
    const k = Number((screen.getByLabelText('Number of segments') as HTMLSelectElement).value);
    const chart = within(figure).getByRole('img', { name: /^Histograms, one per segment/ });
    expect(chart).toBeVisible();
    expect(figure.querySelector('svg.box-plot')).toBeNull();
    // One small histogram per segment, each bar a bin with rows in it.
    expect(chart.querySelectorAll('g.histogram__segment')).toHaveLength(k);
    const table = within(figure).getByRole('table', {
      name: 'Rows of tenure per bin and segment',
    });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]).getAllByRole('columnheader')).toHaveLength(k + 1);
    expect(rows.slice(1)).toHaveLength(20);
    const counts = rows.slice(1).flatMap((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => Number(c.textContent)),
    );
    // Every analysed row in exactly one bin of one segment.
    expect(counts.reduce((sum, c) => sum + c, 0)).toBe(600);
    expect(chart.querySelectorAll('rect.histogram__bar')).toHaveLength(
      counts.filter((c) => c > 0).length,
    );
    // Back to the boxes.
    await user.click(within(view).getByRole('radio', { name: 'Box plot' }));
    expect(figure.querySelector('svg.box-plot')).not.toBeNull();
  });

  it('reads in Chinese, with no English left', async () => {
    const { user, figure } = await showTenure('zh');
    await user.click(within(figure).getByRole('radio', { name: '直方图' }));
    expect(within(figure).getByRole('img', { name: /^直方图，每个细分群一个/ })).toBeVisible();
    await user.click(within(figure).getByText('数值'));
    expect(
      within(figure).getByRole('table', { name: 'tenure 在各区间和各细分群中的行数' }),
    ).toBeVisible();
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
