import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateGroupedOrdersCsv } from '../../scripts/generators/groupedOrders';
import { App } from '../../src/components/App';
import { settled } from '../support/page';

describe('Warnings about the clusters on RFM', () => {
  it('lists them in the RFM clusters section, in English and Chinese', async () => {
    const user = userEvent.setup();
    render(<App />);
    const file = new File([generateGroupedOrdersCsv(25)], 'orders.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    await settled();
    expect(screen.queryByRole('list', { name: 'Warnings about these segments' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Change settings' }));
    const kMax = screen.getByLabelText('Largest number of segments tried');
    // A number field takes a whole value at once (typing passes through values out of range).
    fireEvent.change(kMax, { target: { value: '3' } });
    const warnings = await screen.findByRole(
      'list',
      { name: 'Warnings about these segments' },
      { timeout: 120_000 },
    );
    expect(within(warnings).getByText(/The recommended number of segments, 3,/)).toBeVisible();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const chinese = await screen.findByRole('list', { name: '关于这些细分群的警告' });
    expect(within(chinese).getByText(/推荐的细分群数量 3 是所搜索范围中最大的/)).toBeVisible();
  });
});
