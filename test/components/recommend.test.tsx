import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';
import { readPage, settled, untranslated } from '../support/page';
import { captureDownloads, rowsOf } from '../support/downloads';

const transactions = () =>
  new File([generateTransactionsCsv({ customers: 150, seed: 8 })], 'orders.csv', {
    type: 'text/csv',
  });

async function load() {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), transactions());
  await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
  await settled();
  return user;
}

const section = (name: RegExp | string) => screen.getByRole('region', { name });

/** The row headers of a table's body, in order. */
const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

async function evaluate(user: ReturnType<typeof userEvent.setup>, region: HTMLElement) {
  await user.click(
    within(region).getByRole('button', { name: /^(Evaluate the three methods|评估三种方法)$/ }),
  );
  await settled();
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The method with the highest NDCG in a methods table (the earlier on a tie), by its name. */
function bestOf(table: HTMLElement): string {
  const rows = within(table).getAllByRole('row').slice(1);
  let best = { name: '', ndcg: -1 };
  for (const row of rows) {
    const ndcg = Number(within(row).getAllByRole('cell')[3].textContent);
    if (ndcg > best.ndcg)
      best = { name: within(row).getByRole('rowheader').textContent ?? '', ndcg };
  }
  return best.name;
}

describe('the Recommendations section', { timeout: 300_000 }, () => {
  it('measures the three methods, looks up a customer and downloads their lists', async () => {
    const saved = captureDownloads();
    const user = await load();
    const region = section(/Recommendations/);
    expect(within(region).getByText('StockCode')).toHaveAttribute('translate', 'no');
    await evaluate(user, region);

    const table = await within(region).findByRole('table', { name: 'Methods measured at N = 10' });
    expect(rowNames(table)).toEqual(['Best sellers', 'Item-based', 'User-based']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Method', 'Hit rate', 'Precision', 'Recall', 'NDCG', 'MAP', 'Catalogue coverage']);
    expect(
      within(region).getByText(/ordered at least twice; their last order is held out/),
    ).toBeInTheDocument();
    expect(
      within(region).getByText(/on NDCG@10|No method places a held-out product/),
    ).toBeInTheDocument();
    const segments = within(region).getByRole('table', {
      name: 'NDCG at N = 10 per named RFM segment',
    });
    expect(
      within(segments)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Group',
      'Customers',
      'Measured',
      'NDCG, Best sellers',
      'NDCG, Item-based',
      'NDCG, User-based',
      'Wins on NDCG',
    ]);
    const customersIn = (row: HTMLElement) =>
      Number(within(row).getAllByRole('cell')[0].textContent?.replace(/,/g, ''));
    const segmentRows = within(segments).getAllByRole('row').slice(1);
    const customers = segmentRows.reduce((sum, row) => sum + customersIn(row), 0);
    expect(customers).toBe(useStore.getState().rfmView?.customers);
    expect(
      within(region).getByRole('table', { name: /^NDCG at N = 10 per cluster \(k = \d+\)$/ }),
    ).toBeInTheDocument();
    // The most recommended items of a segment, by the method that measured best (as the
    // command line's --out), which the method's choice shows.
    const best = bestOf(table);
    expect(
      within(region).getByRole('table', {
        name: new RegExp(`^Products most often in the top 10 of .*: ${best}$`),
      }),
    ).toBeInTheDocument();
    const method = within(region).getByLabelText(
      'Method for the look-up, the lists and the download',
    ) as HTMLSelectElement;
    expect(method.selectedOptions[0].textContent).toMatch(new RegExp(`^${best}`));

    // Another N: the figures say they are stale until evaluated again.
    const n = within(region).getByLabelText('Recommendations per customer (N)');
    await user.clear(n);
    await user.type(n, '5');
    expect(within(region).getByText(/The settings changed since these figures/)).toBeVisible();
    await evaluate(user, region);
    const atFive = await within(region).findByRole('table', { name: 'Methods measured at N = 5' });
    expect(within(region).queryByText(/The settings changed since these figures/)).toBeNull();
    const bestAtFive = bestOf(atFive);

    // A customer looked up by id, as the customer column writes it: one who spent little (and
    // bought few of the shop's products), so that there are products left to recommend.
    await user.click(screen.getByRole('button', { name: /Monetary/ }));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Monetary/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    await waitFor(() => expect(useStore.getState().rfmQuery.descending).toBe(false));
    await settled();
    const id = useStore.getState().rfmPage!.rows[0].customer;
    const field = within(region).getByLabelText('Customer id');
    await user.type(field, id);
    await user.click(within(region).getByRole('button', { name: 'Look up' }));
    await settled();
    expect(within(region).getByRole('heading', { name: `Customer ${id}` })).toBeInTheDocument();
    expect(within(region).getByText(/^Segment: /)).toBeInTheDocument();
    expect(within(region).getByText(/^Bought \d+ products?$/)).toBeInTheDocument();
    const list = within(region).getByRole('table', {
      name: `Top 5 for customer ${id}: ${bestAtFive}`,
    });
    const ranks = within(list).getAllByRole('row').slice(1);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.length).toBeLessThanOrEqual(5);
    expect(within(list).getByRole('columnheader', { name: 'Because they bought' })).toBeVisible();
    expect(ranks.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(
      ranks.map((_, i) => String(i + 1)),
    );

    // An id that is not there is said plainly, and the page goes on.
    await user.clear(field);
    await user.type(field, 'nobody');
    await user.click(within(region).getByRole('button', { name: 'Look up' }));
    await settled();
    const unknown = within(region).getByText(/^There is no customer ".*" among the/);
    expect(unknown).toHaveTextContent(/^There is no customer "nobody" among the 1\d\d customers/);
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();

    // Best sellers: the lists follow the method; every list comes from best sellers.
    await user.selectOptions(
      within(region).getByLabelText('Method for the look-up, the lists and the download'),
      'popularity',
    );
    await settled();
    await within(region).findByRole('table', {
      name: /^Products most often in the top 5 of .*: Best sellers$/,
    });
    await user.clear(field);
    await user.type(field, id);
    await user.click(within(region).getByRole('button', { name: 'Look up' }));
    await settled();
    const popular = within(region).getByRole('table', {
      name: `Top 5 for customer ${id}: Best sellers`,
    });
    for (const row of within(popular).getAllByRole('row').slice(1))
      expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('a best seller');

    // A method the user picked stays picked when the methods are measured again.
    await evaluate(user, region);
    await settled();
    expect(
      within(region).getByRole('table', {
        name: /^Products most often in the top 5 of .*: Best sellers$/,
      }),
    ).toBeInTheDocument();

    // Every customer's top 5 on the full history, then one segment's.
    await user.click(
      within(region).getByRole('button', { name: 'Download recommendations for all customers' }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('orders - recommendations (best sellers).csv');
    const rows = await rowsOf(saved[0].blob);
    expect(Object.keys(rows[0])).toEqual([
      'customer',
      'segment',
      'rank',
      'item',
      'description',
      'score',
      'because',
    ]);
    const perCustomer = new Map<string, number>();
    for (const row of rows) perCustomer.set(row.customer, (perCustomer.get(row.customer) ?? 0) + 1);
    // Customers x N, fewer where a customer bought most of this small shop's products.
    expect(perCustomer.size).toBeLessThanOrEqual(customers);
    expect(perCustomer.size).toBeGreaterThan(customers / 2);
    expect(Math.max(...perCustomer.values())).toBe(5);
    expect(rows.length).toBeLessThanOrEqual(customers * 5);
    for (const [customer, count] of perCustomer)
      expect(rows.filter((row) => row.customer === customer).map((row) => row.rank)).toEqual(
        Array.from({ length: count }, (_, i) => String(i + 1)),
      );

    const chosen = within(region).getByLabelText('Segment to download') as HTMLSelectElement;
    const option = chosen.options[chosen.selectedIndex].textContent ?? '';
    const [, segment, count] = /^(.*) \((\d+)\)$/.exec(option) ?? [];
    await user.click(
      within(region).getByRole('button', { name: `Download recommendations for ${segment}` }),
    );
    await waitFor(() => expect(saved).toHaveLength(2));
    const some = await rowsOf(saved[1].blob);
    expect(new Set(some.map((row) => row.segment))).toEqual(new Set([segment]));
    expect(new Set(some.map((row) => row.customer)).size).toBeLessThanOrEqual(Number(count));
  });

  it('says no English in Chinese, and re-runs after a cancel', async () => {
    const user = await load();
    // Cancelled while it runs: nothing shows, the page is ready, and it runs again.
    const running = useStore.getState().evaluateRecommendations();
    useStore.getState().cancel();
    await running;
    expect(useStore.getState().recommendResult).toBeNull();
    expect(useStore.getState().phase).toBe('ready');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const region = section(/商品推荐/);
    await evaluate(user, region);
    const table = await within(region).findByRole('table', { name: '各方法在 N = 10 时的表现' });
    expect(rowNames(table)).toEqual(['热门商品', '基于商品', '基于客户']);
    expect(
      within(region).getByRole('table', { name: '各 RFM 命名细分群在 N = 10 时的 NDCG' }),
    ).toBeInTheDocument();
    // The lists follow the method that measured best, named in Chinese.
    const best = bestOf(table);
    await within(region).findByRole('table', { name: new RegExp(`最常出现的商品：${best}$`) });
    // A customer who spent little, with products left to recommend.
    await user.click(
      within(screen.getByRole('table', { name: '客户' })).getByRole('button', { name: /消费金额/ }),
    );
    await waitFor(() => expect(useStore.getState().rfmQuery.descending).toBe(false));
    await settled();
    const id = useStore.getState().rfmPage!.rows[0].customer;
    await user.type(within(region).getByLabelText('客户编号'), id);
    await user.click(within(region).getByRole('button', { name: '查询' }));
    await settled();
    expect(
      within(region).getByRole('table', { name: `客户 ${id} 的前 10 名推荐：${best}` }),
    ).toBeInTheDocument();
    expect(untranslated(readPage(document))).toEqual([]);
    await user.clear(within(region).getByLabelText('客户编号'));
    await user.type(within(region).getByLabelText('客户编号'), 'nobody');
    await user.click(within(region).getByRole('button', { name: '查询' }));
    await settled();
    expect(within(region).getByText(/中没有“/)).toBeVisible();
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
