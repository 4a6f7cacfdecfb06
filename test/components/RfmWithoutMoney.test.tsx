import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateGroceriesCsv } from '../../scripts/generators/orderShapes';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';

/** A groceries basket file: member, day, item; no money, no order id. */
const groceries = () =>
  new File([generateGroceriesCsv({ lines: 3_000, members: 300, seed: 4 })], 'groceries.csv', {
    type: 'text/csv',
  });

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');

describe('RFM without money on the page', () => {
  it('recognises a basket file without money and shows RFM on recency and frequency only', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), groceries());
    const summary = await screen.findByRole(
      'table',
      { name: 'Segment summary' },
      { timeout: 120_000 },
    );
    await settled();
    expect(screen.getByRole('radio', { name: /Analyse as transactions \(RFM\)/ })).toBeChecked();
    expect(screen.getByText(/but no money: this looks like one row per purchase/)).toBeVisible();
    expect(screen.getByLabelText('Customer column')).toHaveValue('Member_number');
    expect(screen.getByLabelText('Date column')).toHaveValue('Date');
    expect(
      screen.getByRole('radio', { name: 'No money (recency and frequency only)' }),
    ).toBeChecked();
    expect(screen.getByText(/this is RFM without M/)).toBeVisible();
    expect(screen.getByText(/purchases on one day count as one order/)).toBeVisible();
    expect(headers(summary)).not.toContain('Mean monetary');
    expect(headers(summary)).not.toContain('Share of revenue');
    const customers = screen.getByRole('table', { name: 'Customers' });
    expect(headers(customers).join(' ')).not.toMatch(/Monetary|^M\b| M /);
    expect(screen.getByRole('option', { name: /R, F and M/ })).toBeDisabled();
    // Every member is a customer, every line used.
    const lines = screen.getByRole('table', { name: 'Order lines read, used and left out' });
    expect(within(lines).getByRole('row', { name: /Used for RFM/ })).toHaveTextContent('3,000');
  });

  it('says it all in Chinese', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    await user.upload(screen.getByLabelText('选择 CSV、Excel 或 Parquet 文件'), groceries());
    const summary = await screen.findByRole('table', { name: '细分群汇总' }, { timeout: 120_000 });
    await settled();
    expect(screen.getByRole('radio', { name: '没有金额（只用 R 和 F）' })).toBeChecked();
    expect(screen.getByText(/因此这是不含 M 的 RFM/)).toBeVisible();
    expect(headers(summary)).not.toContain('平均消费金额');
    expect(headers(summary)).not.toContain('收入占比');
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
