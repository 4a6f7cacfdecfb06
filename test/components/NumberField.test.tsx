import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { NumberField } from '../../src/components/NumberField';
import { settled } from '../support/page';

describe('a number field given a value it does not take', () => {
  it('says what it takes while it is typed, and what it kept once it puts its value back', async () => {
    const user = userEvent.setup();
    const commit = vi.fn();
    render(
      <NumberField label="Trees" value={100} min={1} max={10_000} integer onCommit={commit} />,
    );
    const field = screen.getByRole('spinbutton', { name: 'Trees' });
    expect(field).not.toHaveAccessibleDescription();

    await user.clear(field);
    await user.type(field, '0');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Takes a whole number from 1 to 10,000.');
    await user.tab();
    expect(field).toHaveValue(100);
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(field).toHaveAccessibleDescription(
      'Takes a whole number from 1 to 10,000: 0 was not used, so it stays 100.',
    );
    expect(commit).not.toHaveBeenCalled();

    // A value it takes is handed on, and the sentence goes.
    await user.clear(field);
    await user.type(field, '250');
    expect(commit).toHaveBeenLastCalledWith(250);
    expect(field).not.toHaveAccessibleDescription();
  });
});

describe('the outlier z-score limit', { timeout: 240_000 }, () => {
  it('says in English and Chinese that it takes a number above 0', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([generateCustomersCsv({ rows: 200, seed: 2 })], 'shop.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outliers' }), 'zscore');
    const limit = screen.getByRole('spinbutton', { name: 'Outlier z-score limit' });
    const kept = Number((limit as HTMLInputElement).value);
    await user.clear(limit);
    await user.type(limit, '-5');
    await user.tab();
    expect(limit).toHaveValue(kept);
    expect(limit).toHaveAccessibleDescription(
      `Takes a number above 0: -5 was not used, so it stays ${kept}.`,
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    expect(
      screen.getByRole('spinbutton', { name: '异常值的 z 分数界限' }),
    ).toHaveAccessibleDescription(`须为大于 0 的数：未采用 -5，仍为 ${kept}。`);
    await settled();
  });
});
