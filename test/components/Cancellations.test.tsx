import { settled } from '../support/page';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { App } from '../../src/components/App';

/** The figure on a row of the order-lines table ("Used for RFM", ...). */
function linesFigure(name: string): number {
  const table = screen.getByRole('table', { name: 'Order lines read, used and left out' });
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  return Number((row?.querySelector('td')?.textContent ?? '').replace(/,/g, ''));
}

describe('cancellations on the page (#18)', () => {
  it('quotes distinct cancelled ids as the file writes them, and a tick switches the rule off', async () => {
    const user = userEvent.setup();
    render(<App />);
    const file = new File([generateTransactionsCsv({ customers: 120, seed: 8 })], 'orders.csv', {
      type: 'text/csv',
    });
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    await settled();
    const note = screen.getByText(/taken as cancellations and left out/);
    expect(note.textContent).toMatch(/untick Recognise cancellations/);
    // Each example id once, each marked as the file's own text.
    const quoted = [...note.querySelectorAll('[translate="no"]')].map((e) => e.textContent);
    expect(quoted.length).toBeGreaterThan(0);
    const ids = quoted.join(', ').split(', ');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^C\d+$/);
    const usedBefore = linesFigure('Used for RFM');

    const rule = screen.getByRole('checkbox', { name: 'Recognise cancellations' });
    expect(rule).toBeChecked();
    await user.click(rule);
    await waitFor(
      () => expect(screen.queryByText(/taken as cancellations and left out/)).toBeNull(),
      { timeout: 120_000 },
    );
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    await settled();
    expect(screen.getByRole('checkbox', { name: 'Recognise cancellations' })).not.toBeChecked();
    expect(linesFigure('Used for RFM')).toBeGreaterThanOrEqual(usedBefore);
  });
});
