import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../scripts/generators/telecom';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';

const csv = generateTelecomCsv({ rows: 600, seed: 18 });
const tenure = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[3]));

async function load() {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(
    screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
    new File([csv], 'telecom.csv', { type: 'text/csv' }),
  );
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

describe('the spread of a column per segment', { timeout: 240_000 }, () => {
  it('draws a box per segment on demand, says from how many rows, and lists the figures', async () => {
    const user = await load();
    const figure = screen.getByRole('figure', { name: 'Spread of a column per segment' });
    await user.selectOptions(
      within(figure).getByRole('combobox', { name: 'Numeric column' }),
      'tenure',
    );
    await user.click(within(figure).getByRole('button', { name: 'Show spread' }));
    const caption = () => figure.querySelector('figcaption')?.textContent;
    await expect
      .poll(caption, { timeout: 60_000 })
      .toMatch(
        /^The spread of tenure in each segment, from all 600 analysed rows\. Quartiles as pandas/,
      );
    const k = Number((screen.getByLabelText('Number of segments') as HTMLSelectElement).value);
    expect(
      within(figure).getByRole('img', { name: /^Box plot, one box per segment/ }),
    ).toBeVisible();
    expect(figure.querySelectorAll('svg.box-plot rect')).toHaveLength(k);
    const table = within(figure).getByRole('table', { name: 'Spread of tenure per segment' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(k);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    // Every row counted once; the smallest minimum and largest maximum are the file's.
    expect(cells.reduce((sum, c) => sum + Number(c[0]), 0)).toBe(600);
    expect(Math.min(...cells.map((c) => Number(c[1])))).toBe(Math.min(...tenure));
    expect(Math.max(...cells.map((c) => Number(c[5])))).toBe(Math.max(...tenure));
  });

  it('reads in Chinese, with no English left', async () => {
    const user = await load();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const figure = await screen.findByRole('figure', { name: '各细分群中某列的分布' });
    await user.click(within(figure).getByRole('button', { name: '显示分布' }));
    await expect
      .poll(() => figure.querySelector('figcaption')?.textContent, { timeout: 60_000 })
      .toMatch(/在各细分群中的分布，基于全部 600 行已分析数据/);
    await user.click(within(figure).getByText('数值'));
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
