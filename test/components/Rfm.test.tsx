import { settled } from '../support/page';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { App } from '../../src/components/App';
import { blobText } from '../support/downloads';

const transactions = () =>
  new File([generateTransactionsCsv({ customers: 120, seed: 8 })], 'orders.csv', {
    type: 'text/csv',
  });

async function load(file: File) {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
  await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
  await settled();
  return user;
}

const count = (cell: Element | null | undefined) =>
  Number((cell?.textContent ?? '').replace(/,/g, ''));

/** Customers per segment name, from the RFM segments table. */
function summaryCounts(): Record<string, number> {
  const table = screen.getByRole('table', { name: 'Segment summary' });
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        count(row.querySelector('td')),
      ]),
  );
}

describe('RFM on the page', () => {
  it('recognises order lines, maps their columns and shows the RFM tables', async () => {
    await load(transactions());
    expect(screen.getByRole('radio', { name: /Analyse as transactions \(RFM\)/ })).toBeChecked();
    expect(screen.getByLabelText('Customer column')).toHaveValue('CustomerID');
    expect(screen.getByLabelText('Order column')).toHaveValue('InvoiceNo');
    expect(screen.getByLabelText('Date column')).toHaveValue('InvoiceDate');
    expect(screen.getByLabelText('Quantity column')).toHaveValue('Quantity');
    expect(screen.getByLabelText('Unit price column')).toHaveValue('UnitPrice');

    const lines = screen.getByRole('table', { name: 'Order lines read, used and left out' });
    const read = count(
      within(lines)
        .getByRole('row', { name: /Order lines read/ })
        .querySelector('td'),
    );
    const used = count(
      within(lines)
        .getByRole('row', { name: /Used for RFM/ })
        .querySelector('td'),
    );
    const leftOut = count(
      within(lines)
        .getByRole('row', { name: /^Left out/ })
        .querySelector('td'),
    );
    expect(read).toBe(used + leftOut);
    expect(within(lines).getByRole('row', { name: /no customer id/ })).toBeInTheDocument();
    expect(within(lines).getByRole('row', { name: /cancelled order/ })).toBeInTheDocument();

    const counts = summaryCounts();
    const customers = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(customers).toBeGreaterThan(100);
    const grid = screen.getByRole('table', {
      name: 'Customers by recency score (R) and frequency score (F)',
    });
    const cells = within(grid)
      .getAllByRole('cell')
      .map((cell) => count(cell.querySelector('.grid-cell__count')));
    expect(cells).toHaveLength(25);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(customers);

    const table = await screen.findByRole('table', { name: 'Customers' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(26));
    expect(
      screen.getByText(`Page 1 of ${Math.ceil(customers / 25)} (${customers} customers)`),
    ).toBeInTheDocument();
    // Clustering on RFM follows, with its cross-table against the named segments.
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    expect(screen.getByRole('table', { name: 'Segment profiles' })).toBeInTheDocument();
  });

  it('sorts and pages the customer table in the worker', async () => {
    const user = await load(transactions());
    const table = await screen.findByRole('table', { name: 'Customers' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(26));
    const monetary = () =>
      within(screen.getByRole('table', { name: 'Customers' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => Number(row.querySelectorAll('td')[2].textContent?.replace(/,/g, '')));
    const first = monetary();
    expect(first).toEqual([...first].sort((a, b) => b - a));
    // Money is grouped from four digits: 6,585 above 980.5, as 12,345 is.
    const texts = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[2].textContent ?? '');
    expect(first[0]).toBeGreaterThanOrEqual(1000);
    for (const text of texts) expect(text).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
    expect(screen.getByRole('columnheader', { name: /Monetary/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await user.click(screen.getByRole('button', { name: /Monetary/ }));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Monetary/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    await waitFor(() => expect(monetary()[0]).toBeLessThan(first[first.length - 1]));
    const ascending = monetary();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/^Page 2 of/);
    await waitFor(() => expect(monetary()[0]).toBeGreaterThanOrEqual(ascending[24]));
  });

  it('renames segments and moves grid cells, and the summary follows', async () => {
    const user = await load(transactions());
    const before = summaryCounts();
    await user.click(screen.getByRole('button', { name: 'Edit segments' }));
    const name = screen.getByLabelText('Name of segment 1');
    await user.clear(name);
    await user.type(name, 'VIPs');
    expect(summaryCounts().VIPs).toBe(before.Champions);
    // R 4 F 5 belongs to Loyal Customers; move it to VIPs.
    const grid = screen.getByRole('table', {
      name: 'Customers by recency score (R) and frequency score (F)',
    });
    const cell = within(grid).getByLabelText('Segment of R 4 F 5');
    const moved = count(cell.closest('td')?.querySelector('.grid-cell__count'));
    await user.selectOptions(cell, 'VIPs');
    const after = summaryCounts();
    expect(after.VIPs).toBe(before.Champions + moved);
    expect(after['Loyal Customers']).toBe(before['Loyal Customers'] - moved);
    await user.clear(name);
    expect(screen.getByText('Every segment needs a name: type one in.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the default names' }));
    expect(summaryCounts()).toEqual(before);
  });

  it('asks how dates are written when no day is above 12, and waits for the answer', async () => {
    const user = userEvent.setup();
    render(<App />);
    const rows = ['client_id,order_date,amount'];
    for (let i = 0; i < 40; i++)
      rows.push(
        `c${i % 9},${String(1 + (i % 12)).padStart(2, '0')}/0${1 + (i % 9)}/2024,${10 + i}`,
      );
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([rows.join('\n')], 'ambiguous.csv', { type: 'text/csv' }),
    );
    const question = await screen.findByRole(
      'group',
      {
        name: 'How are the dates in order_date written?',
      },
      { timeout: 120_000 },
    );
    // The column's name is marked as user data inside the sentence: match the whole notice.
    expect(
      screen.getByText(
        (_, element) =>
          element?.matches('.notice') === true &&
          /Say how the dates in order_date are written/.test(element.textContent ?? ''),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Segment summary' })).toBeNull();
    await user.click(within(question).getByRole('radio', { name: /Day first/ }));
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    // Nine customers, c0..c8, every one in a segment.
    expect(Object.values(summaryCounts()).reduce((a, b) => a + b, 0)).toBe(9);
    // The latest order, 12/09/2024 read day-first, is 12 September: recency counts to the 13th.
    const snapshot = within(screen.getByText('Recency counted to').parentElement as HTMLElement)
      .getByText('13 September 2024 at 00:00')
      .closest('time');
    expect(snapshot).toHaveAttribute('datetime', '2024-09-13T00:00:00.000Z');
  });

  it('downloads the RFM table with one row per customer, segment and cluster', async () => {
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:test'),
        revokeObjectURL: () => {},
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = await load(transactions());
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    await user.click(screen.getByRole('button', { name: 'Download the RFM table' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const parsed = Papa.parse<Record<string, string>>(
      (await blobText(saved[0])).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(parsed.meta.fields).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'R',
      'F',
      'M',
      'segment',
      'cluster',
      'cluster_label',
    ]);
    const counts = summaryCounts();
    expect(parsed.data).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
    const k = Number((screen.getByLabelText('Number of segments') as HTMLSelectElement).value);
    expect(new Set(parsed.data.map((row) => Number(row.cluster))).size).toBe(k);
    const champions = parsed.data.filter((row) => row.segment === 'Champions').length;
    expect(champions).toBe(counts.Champions);

    await user.click(
      screen.getByRole('button', { name: `Download Champions (${counts.Champions} customers)` }),
    );
    await waitFor(() => expect(saved).toHaveLength(2));
    const only = Papa.parse<Record<string, string>>(
      (await blobText(saved[1])).replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(only).toHaveLength(counts.Champions);
    expect(only.every((row) => row.segment === 'Champions')).toBe(true);
  });

  it('goes back to one row per customer when asked', async () => {
    const user = await load(transactions());
    await user.click(screen.getByRole('radio', { name: /One row per customer/ }));
    expect(await screen.findByRole('table', { name: 'Columns' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Segment summary' })).toBeNull();
  });
});
