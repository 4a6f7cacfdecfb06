import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  customersWorkbook,
  transactionsWorkbook,
  writeXlsx,
} from '../../scripts/generators/workbooks';
import { App } from '../../src/components/App';
import { settled } from '../support/page';

/** The generated customers on a first sheet, order lines on a second. */
const twoSheets = () =>
  new File(
    [
      new Uint8Array(
        writeXlsx({
          sheets: [
            ...customersWorkbook(60).sheets,
            ...transactionsWorkbook(40, 'date-cell').sheets,
          ],
        }),
      ),
    ],
    'shop.xlsx',
  );

describe('a workbook on the page', () => {
  it('reads the first sheet, offers the others in a picker instead of delimiters, and reads the one chosen', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), twoSheets());
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    const region = screen.getByRole('region', { name: /Load a file/ });
    expect(within(region).getByText('Excel workbook (.xlsx)')).toBeInTheDocument();
    const picker = screen.getByLabelText('Sheet');
    expect(picker).toHaveDisplayValue('Customers');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Customers', 'Orders']);
    // A workbook has no delimiter, encoding or decimal separator to choose, and the picker says
    // what the note would have said.
    expect(screen.queryByLabelText('Delimiter')).toBeNull();
    expect(screen.queryByLabelText('Encoding')).toBeNull();
    expect(screen.queryByText(/This workbook has 2 sheets/)).toBeNull();

    await user.selectOptions(picker, 'Orders');
    // The order lines are recognised, so the page turns to RFM.
    await screen.findByRole('region', { name: /RFM segments/ }, { timeout: 120_000 });
    await settled();
    expect(screen.getByLabelText('Sheet')).toHaveDisplayValue('Orders');
  });
});
