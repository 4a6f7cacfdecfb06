import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';
import { captureDownloads, rowsOf } from '../support/downloads';

const count = (text: string | null | undefined) => Number((text ?? '').replace(/[,%]/g, ''));

const transactions = () =>
  new File([generateTransactionsCsv({ customers: 120, seed: 8 })], 'orders.csv', {
    type: 'text/csv',
  });

async function load(user: ReturnType<typeof userEvent.setup>) {
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), transactions());
  await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
  await settled();
}

/** The first cell of each body row, by its row header. */
function firstCells(table: HTMLElement): Record<string, number> {
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .filter((row) => within(row).queryByRole('rowheader'))
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        count(within(row).queryAllByRole('cell')[0]?.textContent),
      ]),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Customer value section', { timeout: 240_000 }, () => {
  it('estimates value, shows the fits, groups and charts, sorts the table and downloads', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    await load(user);
    const section = screen.getByRole('region', { name: /Customer value/ });
    expect(within(section).getByLabelText('Count purchases')).toHaveValue('days');
    expect(within(section).getByLabelText('Expected purchases over the next (days)')).toHaveValue(
      90,
    );
    expect(within(section).getByLabelText('Lifetime value over (months)')).toHaveValue(12);
    expect(within(section).getByLabelText('Monthly discount rate (%)')).toHaveValue(1);
    expect(within(section).getByLabelText('Holdout starts on')).toHaveValue('');

    await user.click(within(section).getByRole('button', { name: 'Estimate customer value' }));
    const models = await within(section).findByRole(
      'table',
      { name: 'Parameters of the fitted models' },
      { timeout: 120_000 },
    );
    await settled();
    const bgnbd = within(models).getByRole('row', { name: /BG\/NBD/ });
    expect(bgnbd).toHaveTextContent(/r = [\d.]+, α = [\d.]+, a = [\d.]+, b = [\d.]+/);
    expect(bgnbd).toHaveTextContent(/-[\d,]+\.\d\d/);
    expect(within(models).getByRole('row', { name: /Gamma-Gamma/ })).toHaveTextContent(
      /p = [\d.]+, q = [\d.]+, v = [\d,.]+/,
    );
    expect(within(section).getByText(/^118 customers, 89 with a repeat purchase\.$/));
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Customer value estimated for 118 customers.',
    );

    // Per RFM segment: every customer once, shares adding up to all the value.
    const bySegment = within(section).getByRole('table', { name: 'Value by RFM segment' });
    const counts = firstCells(bySegment);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(118);
    const shares = within(bySegment)
      .getAllByRole('row')
      .slice(1)
      .map((row) => count(row.querySelectorAll('td')[4].textContent));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    // Per cluster, of the clustering on show.
    const byCluster = await within(section).findByRole('table', { name: 'Value by cluster' });
    expect(Object.values(firstCells(byCluster)).reduce((a, b) => a + b, 0)).toBe(118);

    const calibration = within(section).getByRole('figure', {
      name: 'Expected against actual repeat purchases in the holdout',
    });
    expect(calibration).toHaveAccessibleDescription(
      /^Fitted on the orders before \d+ \w+ \d{4} and checked on the \d+ days after: [\d,]+ customers made [\d,]+ repeat purchases in the holdout; the model expected [\d,.]+\.$/,
    );
    expect(
      within(calibration).getByRole('table', {
        name: 'Mean repeat purchases in the holdout per repeat purchases before it',
      }),
    ).toBeInTheDocument();
    const histogram = within(section).getByRole('figure', {
      name: 'Probability that a customer is still active',
    });
    expect(histogram).toHaveAccessibleDescription(
      /^\d+ of 118 customers are more likely than not still active/,
    );
    const bands = firstCells(
      within(histogram).getByRole('table', { name: 'Customers per band of P(alive)' }),
    );
    expect(Object.values(bands).reduce((a, b) => a + b, 0)).toBe(118);
    // The drawings: both lines through every bucket; a bar for each band, its count on hover.
    const buckets = within(calibration).getAllByRole('rowheader').length;
    const lines = [...calibration.querySelectorAll('svg .plot__line')];
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect((line.getAttribute('d') ?? '').match(/[ML]/g)).toHaveLength(buckets);
    const bars = [...histogram.querySelectorAll('svg rect')];
    expect(bars).toHaveLength(20);
    expect(bars.map((bar) => Number(bar.textContent?.split(': ').at(-1)))).toEqual(
      Object.values(bands),
    );
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    const perBand = Object.values(bands);
    const most = perBand.indexOf(Math.max(...perBand));
    expect(Math.max(...heights)).toBe(heights[most]);

    // The customer table gains the value columns, sorted where the data is.
    const customers = () => within(screen.getByRole('table', { name: 'Customers' }));
    const header = await customers().findByRole('columnheader', { name: /P\(alive\)/ });
    expect(customers().getByRole('columnheader', { name: /Expected purchases/ })).toBeVisible();
    expect(customers().getByRole('columnheader', { name: /CLV/ })).toBeVisible();
    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    const column = (name: RegExp) => {
      const table = screen.getByRole('table', { name: 'Customers' });
      const index = within(table)
        .getAllByRole('columnheader')
        .findIndex((cell) => name.test(cell.textContent ?? ''));
      return within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => count(row.children[index].textContent));
    };
    await waitFor(() => {
      const pAlive = column(/P\(alive\)/);
      expect(pAlive).toHaveLength(25);
      expect(pAlive).toEqual([...pAlive].sort((a, b) => b - a));
    });
    await user.click(customers().getByRole('button', { name: /CLV/ }));
    await waitFor(() => {
      const clv = column(/CLV/);
      expect(clv).toEqual([...clv].sort((a, b) => b - a));
    });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/^Page 2 of/);

    // value.csv: one row per customer, with their segment and cluster.
    await user.click(within(section).getByRole('button', { name: 'Download the value table' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('orders - customer value.csv');
    const rows = await rowsOf(saved[0].blob);
    expect(rows).toHaveLength(118);
    expect(Object.keys(rows[0])).toEqual([
      'customer',
      'frequency',
      'recency',
      'T',
      'monetary_value',
      'p_alive',
      'expected_purchases',
      'expected_spend',
      'clv',
      'rfm_segment',
      'cluster',
      'cluster_label',
    ]);
    expect(rows.filter((row) => row.rfm_segment === 'Champions')).toHaveLength(counts.Champions);
    expect(rows.every((row) => row.cluster !== '' && row.cluster_label !== '')).toBe(true);

    // Another horizon: the figures say they are old until estimated again.
    const horizon = within(section).getByLabelText('Expected purchases over the next (days)');
    await user.clear(horizon);
    await user.type(horizon, '365');
    expect(
      within(section).getByText(
        'The figures below are for earlier settings: estimate again to update them.',
      ),
    ).toBeInTheDocument();
    const before = within(section).getByText(/^Expected purchases in the next 90 days: /);
    const purchases = (text: string | null) => count(/: ([\d,.]+)\.$/.exec(text ?? '')?.[1]);
    const ninety = purchases(before.textContent);
    await user.click(within(section).getByRole('button', { name: 'Estimate customer value' }));
    const after = await within(section).findByText(
      /^Expected purchases in the next 365 days: /,
      {},
      { timeout: 120_000 },
    );
    expect(purchases(after.textContent)).toBeGreaterThan(ninety * 2);
    expect(within(section).queryByText(/earlier settings/)).toBeNull();
  });

  it('says in one sentence what is wrong with a holdout start, and keeps working', async () => {
    const user = userEvent.setup();
    await load(user);
    const section = screen.getByRole('region', { name: /Customer value/ });
    const holdout = within(section).getByLabelText('Holdout starts on');
    await user.type(holdout, '1990-01-01');
    await user.click(within(section).getByRole('button', { name: 'Estimate customer value' }));
    // The alert region is always there (empty until a message): wait for the sentence itself.
    await waitFor(
      () =>
        expect(screen.getByRole('alert')).toHaveTextContent(
          /^The holdout must start after the first order/,
        ),
      { timeout: 120_000 },
    );
    await user.clear(holdout);
    await user.click(within(section).getByRole('button', { name: 'Estimate customer value' }));
    await within(section).findByRole(
      'table',
      { name: 'Parameters of the fitted models' },
      { timeout: 120_000 },
    );
  });

  it('is all in Chinese when the page is', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    await user.upload(screen.getByLabelText('选择 CSV、Excel 或 Parquet 文件'), transactions());
    await screen.findByRole('table', { name: '聚类与 RFM 细分群交叉表' }, { timeout: 120_000 });
    await settled();
    const section = screen.getByRole('region', { name: /客户价值/ });
    await user.selectOptions(within(section).getByLabelText('购买计数方式'), 'weeks');
    await user.click(within(section).getByRole('button', { name: '估算客户价值' }));
    await within(section).findByRole('table', { name: '拟合模型的参数' }, { timeout: 120_000 });
    await within(section).findByRole('table', { name: '各聚类的价值' }, { timeout: 120_000 });
    await settled();
    expect(within(section).getByRole('table', { name: '各 RFM 细分群的价值' })).toBeInTheDocument();
    expect(within(section).getByRole('figure', { name: '客户仍然活跃的概率' })).toBeInTheDocument();
    await within(screen.getByRole('table', { name: '客户' })).findByRole('columnheader', {
      name: /存活概率/,
    });
    // Open the charts' tables too: their words count.
    for (const details of section.querySelectorAll('details')) details.open = true;
    expect(untranslated(readPage(document))).toEqual([]);
    await user.click(within(section).getByRole('button', { name: '下载客户价值表' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('orders - 客户价值.csv');
    expect(await rowsOf(saved[0].blob)).toHaveLength(118);
  });
});
